// The panel's own words in each language; the bot's come from the server.
'use strict';
// Plural forms by CLDR's rules as the browser knows them (Intl.PluralRules), never by hand: Arabic has six.
const dastyarPlural = (lang, n, forms) => forms[new Intl.PluralRules(lang).select(n)] ?? forms.other;
// tooLong(n, shown): n is the limit, shown is n in the panel's own digits.
const DASTYAR_STRINGS = {
  en: { placeholder: 'Type your message…', input: 'Message', send: 'Send', close: 'Close chat',
    typingBot: 'Support is typing…', typingAgent: 'The agent is typing…',
    online: 'Online', connecting: 'Connecting…', offline: 'Offline',
    tooLong: (n, shown) => `That message is too long: please keep it under ${shown} ${dastyarPlural('en', n,
      { one: 'character', other: 'characters' })}.`,
    sending: 'Sending…', ended: 'This conversation has ended', startNew: 'Start a new conversation',
    customer: 'You', bot: 'Support', agent: 'Agent', rating: 'Rating', nps: 'How likely are you to recommend us, from 0 to 10',
    npsLow: 'Not at all likely', npsHigh: 'Extremely likely', error: 'Something went wrong. Please try again.' },
  fa: { placeholder: 'پیامتان را بنویسید…', input: 'پیام', send: 'ارسال', close: 'بستن گفتگو',
    typingBot: 'پشتیبانی در حال نوشتن است…', typingAgent: 'کارشناس در حال نوشتن است…',
    online: 'آنلاین', connecting: 'در حال اتصال…', offline: 'آفلاین',
    tooLong: (n, shown) => `این پیام خیلی طولانی است: لطفاً آن را کوتاه‌تر از ${shown} کاراکتر بنویسید.`,
    sending: 'در حال ارسال…', ended: 'این گفتگو به پایان رسید', startNew: 'شروع گفتگوی تازه',
    customer: 'شما', bot: 'پشتیبانی', agent: 'کارشناس', rating: 'امتیاز', nps: 'احتمال پیشنهاد ما به دیگران، از ۰ تا ۱۰',
    npsLow: 'اصلاً', npsHigh: 'حتماً', error: 'مشکلی پیش آمد. لطفاً دوباره تلاش کنید.' },
  ar: { placeholder: 'اكتب رسالتك…', input: 'الرسالة', send: 'إرسال', close: 'إغلاق المحادثة',
    typingBot: 'الدعم يكتب الآن…', typingAgent: 'موظف الدعم يكتب الآن…',
    online: 'متصل', connecting: 'جارٍ الاتصال…', offline: 'غير متصل',
    tooLong: (n, shown) => `هذه الرسالة طويلة جدًا: يُرجى أن تكون أقل من ${dastyarPlural('ar', n, {
      zero: `${shown} حرف`, one: 'حرف واحد', two: 'حرفين', few: `${shown} أحرف`, many: `${shown} حرفًا`,
      other: `${shown} حرف` })}.`,
    sending: 'جارٍ الإرسال…', ended: 'انتهت هذه المحادثة', startNew: 'بدء محادثة جديدة',
    customer: 'أنت', bot: 'الدعم', agent: 'موظف الدعم', rating: 'التقييم', nps: 'مدى احتمال أن توصي بنا، من ٠ إلى ١٠',
    npsLow: 'غير محتمل إطلاقاً', npsHigh: 'محتمل جداً', error: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.' },
  az: { placeholder: 'Mesajınızı yazın…', input: 'Mesaj', send: 'Göndər', close: 'Söhbəti bağla',
    typingBot: 'Dəstək yazır…', typingAgent: 'Operator yazır…',
    online: 'Onlayn', connecting: 'Qoşulur…', offline: 'Oflayn',
    tooLong: (n, shown) => `Bu mesaj çox uzundur: zəhmət olmasa, ${shown} simvoldan qısa yazın.`,
    sending: 'Göndərilir…', ended: 'Bu söhbət başa çatdı', startNew: 'Yeni söhbətə başla',
    customer: 'Siz', bot: 'Dəstək', agent: 'Operator', rating: 'Qiymətləndirmə', nps: 'Bizi tövsiyə etmə ehtimalınız, 0-dan 10-a qədər',
    npsLow: 'Heç ehtimal yoxdur', npsHigh: 'Mütləq', error: 'Xəta baş verdi. Zəhmət olmasa, yenidən cəhd edin.' },
};
