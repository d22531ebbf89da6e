// Demo page: shows the shop in the language given by ?lang= (en, fa, ar or az) and adds the Dastyar widget in
// that language. A separate file, because the page's Content-Security-Policy allows no inline scripts.
// The page itself is written in English; the other languages' words are here.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang');
  if (['en', 'fa', 'ar', 'az'].indexOf(lang) < 0) lang = 'en';
  var transport = params.get('transport');
  var rtl = lang === 'fa' || lang === 'ar';

  // Locales chosen for their digits, as in the widget: Persian in fa, Arabic-Indic in ar.
  var LOCALE = { en: 'en-GB', fa: 'fa-IR', ar: 'ar-u-nu-arab', az: 'az-Latn-AZ' };
  var TOMAN = { en: 'toman', fa: 'تومان', ar: 'تومان', az: 'tümən' };

  var TEXTS = {
    fa: {
      title: 'انار: گوشی، لپ‌تاپ و لوازم خانگی (دموی دستیار)',
      brand: 'انار',
      'nav.label': 'فروشگاه',
      'nav.shop': 'فروشگاه',
      'nav.delivery': 'ارسال',
      'nav.returns': 'مرجوعی',
      'nav.warranty': 'گارانتی',
      'note.label': 'دربارهٔ این دمو',
      'note.strong': 'این یک دمو است:',
      'note.text': 'دکمه‌ی گفتگو در گوشه‌ی صفحه، ویجت دستیار است. دربارهٔ ارسال، مرجوعی، گارانتی یا پرداخت از آن بپرسید؛ به فارسی، انگلیسی، عربی یا آذربایجانی.',
      'note.langs': 'زبان‌ها:',
      'hero.title': 'گوشی، لپ‌تاپ و لوازم خانگی با ۱۲ ماه گارانتی',
      'hero.text': 'ارسال به سراسر ایران در ۲ تا ۵ روز کاری؛ رایگان برای سفارش‌های ۱٬۰۰۰٬۰۰۰ تومان و بیشتر.',
      'products.title': 'پرفروش‌ها',
      'phone.name': 'گوشی هوشمند ۲۵۶ گیگابایتی',
      'phone.text': 'صفحه‌نمایش ۶٫۷ اینچی و باتری‌ای که دو روز کار می‌کند.',
      'laptop.name': 'لپ‌تاپ ۱۴ اینچی',
      'laptop.text': '۱۶ گیگابایت حافظه و ۵۱۲ گیگابایت SSD. قابل خرید در ۳ قسط ماهانه، بدون کارمزد.',
      'headphones.name': 'هدفون بی‌سیم',
      'headphones.text': 'با حذف نویز و ۳۰ ساعت شارژدهی.',
      'blender.name': 'مخلوط‌کن ۱٫۵ لیتری',
      'blender.text': 'پارچ و تیغه‌ی یدکی‌اش سال‌ها موجود می‌ماند.',
      buy: 'افزودن به سبد خرید',
      'delivery.title': 'ارسال',
      'delivery.text': 'سفارش‌هایی که در روز کاری تا ساعت ۱۴ ثبت شوند، همان روز از انبار خارج می‌شوند و ۲ تا ۵ روز کاری بعد می‌رسند. ارسال اکسپرس در تهران: روز کاری بعد، با ۹۹٬۰۰۰ تومان.',
      'returns.title': 'مرجوعی',
      'returns.text': 'تا ۱۴ روز پس از تحویل می‌توانید کالا را مرجوع کنید: برای کالای معیوب رایگان و در صورت انصراف از خرید با ۴۹٬۰۰۰ تومان هزینه.',
      'warranty.title': 'گارانتی و تعمیر',
      'warranty.text': 'همه‌ی دستگاه‌ها از تاریخ تحویل ۱۲ ماه گارانتی انار دارند. از صفحه‌ی سفارش درخواست تعمیر بدهید تا دستگاه را رایگان از شما تحویل بگیریم.',
      'embed.title': 'ویجت را به سایت خودتان اضافه کنید',
      'footer.text': 'انار فروشگاهی خیالی است و پشتیبانی مشتریانش با دستیار انجام می‌شود.',
      'footer.agent': 'پنل کارشناسان',
      'footer.knowledge': 'پایگاه دانش (مدیران)',
      'footer.health': 'وضعیت سرویس',
    },
    ar: {
      title: 'أنار: هواتف وحواسيب محمولة وأجهزة منزلية (عرض تجريبي لـ Dastyar)',
      brand: 'أنار',
      'nav.label': 'المتجر',
      'nav.shop': 'المتجر',
      'nav.delivery': 'التوصيل',
      'nav.returns': 'الإرجاع',
      'nav.warranty': 'الضمان',
      'note.label': 'عن هذا العرض التجريبي',
      'note.strong': 'هذا عرض تجريبي:',
      'note.text': 'زر المحادثة في زاوية الصفحة هو أداة المحادثة Dastyar. اسألها عن التوصيل أو الإرجاع أو الضمان أو الدفع، بالعربية أو الفارسية أو الإنجليزية أو الأذربيجانية.',
      'note.langs': 'اللغات:',
      'hero.title': 'هواتف وحواسيب محمولة وأجهزة منزلية بضمان لمدة ١٢ شهرًا',
      'hero.text': 'نوصل إلى جميع أنحاء إيران خلال ٢ إلى ٥ أيام عمل، والتوصيل مجاني للطلبات التي تبلغ ١٬٠٠٠٬٠٠٠ تومان أو أكثر.',
      'products.title': 'الأكثر مبيعًا',
      'phone.name': 'هاتف ذكي بسعة ٢٥٦ غيغابايت',
      'phone.text': 'شاشة بحجم ٦٫٧ بوصة وبطارية تدوم يومين.',
      'laptop.name': 'حاسوب محمول بشاشة ١٤ بوصة',
      'laptop.text': 'ذاكرة ١٦ غيغابايت وقرص SSD بسعة ٥١٢ غيغابايت. ادفع ثمنه على ٣ أقساط شهرية دون رسوم.',
      'headphones.name': 'سماعات رأس لاسلكية',
      'headphones.text': 'بعزل للضوضاء وبطارية تدوم ٣٠ ساعة.',
      'blender.name': 'خلاط بسعة ١٫٥ لتر',
      'blender.text': 'أباريقه وشفراته الاحتياطية متوفرة لسنوات.',
      buy: 'أضف إلى السلة',
      'delivery.title': 'التوصيل',
      'delivery.text': 'الطلبات المقدَّمة قبل الساعة ١٤:٠٠ في يوم عمل تغادر مستودعنا في اليوم نفسه وتصل خلال ٢ إلى ٥ أيام عمل. التوصيل السريع في طهران: في يوم العمل التالي مقابل ٩٩٬٠٠٠ تومان.',
      'returns.title': 'الإرجاع',
      'returns.text': 'يمكنك إرجاع المنتج خلال ١٤ يومًا من التسليم: مجانًا إذا كان معيبًا، ومقابل ٤٩٬٠٠٠ تومان إذا غيّرت رأيك.',
      'warranty.title': 'الضمان والإصلاح',
      'warranty.text': 'كل جهاز مشمول بضمان أنار لمدة ١٢ شهرًا من تاريخ التسليم. اطلب الإصلاح من صفحة طلبك وسنستلم الجهاز منك مجانًا.',
      'embed.title': 'أضف أداة المحادثة إلى موقعك',
      'footer.text': 'أنار متجر خيالي، وخدمة عملائه تعمل بنظام Dastyar.',
      'footer.agent': 'لوحة الموظفين',
      'footer.knowledge': 'قاعدة المعرفة (للمشرفين)',
      'footer.health': 'حالة الخدمة',
    },
    az: {
      title: 'Anar: telefonlar, noutbuklar və məişət texnikası (Dastyar demosu)',
      brand: 'Anar',
      'nav.label': 'Mağaza',
      'nav.shop': 'Mağaza',
      'nav.delivery': 'Çatdırılma',
      'nav.returns': 'Qaytarma',
      'nav.warranty': 'Zəmanət',
      'note.label': 'Bu demo haqqında',
      'note.strong': 'Bu, demodur:',
      'note.text': 'küncdəki çat düyməsi Dastyar vidcetidir. Ondan çatdırılma, qaytarma, zəmanət və ya ödəniş barədə azərbaycanca, ingiliscə, farsca və ya ərəbcə soruşun.',
      'note.langs': 'Dillər:',
      'hero.title': 'Telefonlar, noutbuklar və məişət texnikası — 12 aylıq zəmanətlə',
      'hero.text': 'İranın hər yerinə 2–5 iş günündə çatdırırıq; 1 000 000 tümən və daha çox olan sifarişlərə çatdırılma pulsuzdur.',
      'products.title': 'Ən çox satılanlar',
      'phone.name': 'Smartfon, 256 GB',
      'phone.text': '6,7 düymlük ekran və iki gün davam gətirən batareya.',
      'laptop.name': '14 düymlük noutbuk',
      'laptop.text': '16 GB yaddaş və 512 GB SSD. Komissiyasız 3 aylıq hissə-hissə ödənişlə alın.',
      'headphones.name': 'Simsiz qulaqlıq',
      'headphones.text': 'Səs-küyü söndürür, batareyası 30 saat işləyir.',
      'blender.name': 'Blender, 1,5 litr',
      'blender.text': 'Ehtiyat qabları və bıçaqları illərlə stokda qalır.',
      buy: 'Səbətə əlavə et',
      'delivery.title': 'Çatdırılma',
      'delivery.text': 'İş günü saat 14:00-dək verilən sifarişlər həmin gün anbarımızdan çıxır və 2–5 iş günündə çatır. Tehranda ekspress çatdırılma: növbəti iş günü, 99 000 tümənə.',
      'returns.title': 'Qaytarma',
      'returns.text': 'Məhsulu təhvildən sonra 14 gün ərzində qaytara bilərsiniz: qüsurludursa pulsuz, fikrinizi dəyişmisinizsə 49 000 tümən haqla.',
      'warranty.title': 'Zəmanət və təmir',
      'warranty.text': 'Hər cihaza təhvil tarixindən 12 aylıq Anar zəmanəti verilir. Sifariş səhifəsindən təmir sorğusu göndərin, cihazı sizdən pulsuz götürək.',
      'embed.title': 'Vidceti öz saytınıza əlavə edin',
      'footer.text': 'Anar uydurma mağazadır; onun müştəri dəstəyi Dastyar ilə işləyir.',
      'footer.agent': 'Operator paneli',
      'footer.knowledge': 'Bilik bazası (adminlər üçün)',
      'footer.health': 'Xidmətin vəziyyəti',
    },
  };

  var root = document.documentElement;
  root.lang = lang;
  root.dir = rtl ? 'rtl' : 'ltr';

  // The page's own words follow the chosen language. Any left in English (a text not translated yet) say so,
  // so that they keep reading left to right, with their punctuation where English puts it, on a Persian or
  // Arabic page. Words in other languages on the page (the language list, the code) carry lang and dir already.
  function localise() {
    var texts = TEXTS[lang];
    if (!texts) return;
    if (texts.title) document.title = texts.title;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      var text = texts[el.getAttribute('data-i18n')];
      if (text) el.textContent = text;
      else { el.lang = 'en'; el.dir = 'ltr'; }
    });
    document.querySelectorAll('[data-i18n-label]').forEach(function (el) {
      var text = texts[el.getAttribute('data-i18n-label')];
      if (text) el.setAttribute('aria-label', text);
    });
  }

  function prices() {
    var number = new Intl.NumberFormat(LOCALE[lang]);
    document.querySelectorAll('[data-price]').forEach(function (el) {
      el.textContent = number.format(Number(el.getAttribute('data-price'))) + ' ' + TOMAN[lang];
    });
  }

  function ready() {
    localise();
    prices();
    document.querySelectorAll('.langs a[hreflang]').forEach(function (a) {
      if (a.getAttribute('hreflang') === lang) a.setAttribute('aria-current', 'page');
    });
    // The snippet to copy names the language shown.
    var code = document.querySelector('.embed code');
    if (code) code.textContent = code.textContent.replace('data-lang="en"', 'data-lang="' + lang + '"');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();

  var script = document.createElement('script');
  script.src = '/widget.js';
  script.async = true;
  script.setAttribute('data-lang', lang);
  if (transport === 'sse') script.setAttribute('data-transport', 'sse');
  document.head.appendChild(script);
})();
