-- channel (32) : recipient (255) : client message id (128) did not always fit in 200 characters.
ALTER TABLE message ALTER COLUMN inbound_key SET DATA TYPE VARCHAR(420);
