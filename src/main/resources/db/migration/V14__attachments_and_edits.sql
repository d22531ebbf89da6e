-- A customer's photo, file, voice note, video, sticker or location: the channel keeps the file, the transcript its
-- reference (a location's is "lat,lon"); body holds the caption, or is empty.
ALTER TABLE message ADD COLUMN attachment_kind VARCHAR(16);
ALTER TABLE message ADD COLUMN attachment_ref VARCHAR(512);
ALTER TABLE message ADD COLUMN attachment_name VARCHAR(255);
ALTER TABLE message ADD COLUMN attachment_mime VARCHAR(127);
-- A customer's edit of a message: body takes the new text, original_body keeps the first one (for the audit),
-- edited_at says when it last changed.
ALTER TABLE message ADD COLUMN original_body VARCHAR;
ALTER TABLE message ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
