package io.dastyar.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dastyar.system.Language;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Where is my order?",
            "How can I get a refund for a damaged item?",
            "I forgot my password and can't log in",
            "When will my package be delivered?",
            "Can I change the delivery address?",
            "Why was my card charged twice?",
            "cancel my subscription please"})
    void english(String question) {
        assertThat(detector.detect(question)).contains(Language.EN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "سفارشم کی می‌رسد؟",
            "چطور می‌توانم سفارشم را لغو کنم؟",
            "رمز عبورم را فراموش کرده‌ام",
            "پول من هنوز برنگشته است",
            "آدرس تحویل را چگونه تغییر دهم؟",
            "کد تخفیف کار نمی‌کند",
            "چرا پرداختم ناموفق بود؟"})
    void persian(String question) {
        assertThat(detector.detect(question)).contains(Language.FA);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "أين طلبي؟",
            "كيف يمكنني استرداد المبلغ؟",
            "نسيت كلمة المرور الخاصة بي",
            "متى سيصل الطلب؟",
            "أريد إلغاء الطلب",
            "هل يمكن تغيير عنوان التوصيل؟",
            "لماذا تم خصم المبلغ مرتين؟"})
    void arabic(String question) {
        assertThat(detector.detect(question)).contains(Language.AR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sifarişim nə vaxt çatacaq?",
            "Pulu necə geri qaytara bilərəm?",
            "Şifrəmi unutmuşam, nə edim?",
            "Çatdırılma ünvanını dəyişə bilərəm?",
            "Sifarişimi ləğv etmək istəyirəm",
            "Kartdan niyə iki dəfə pul çıxılıb?"})
    void azerbaijani(String question) {
        assertThat(detector.detect(question)).contains(Language.AZ);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sifarisim ne vaxt catacaq?",
            "salam, sifarisimi legv etmek isteyirem",
            "pulu nece geri qaytara bilerem"})
    void azerbaijaniTypedWithoutItsLetters(String question) {
        assertThat(detector.detect(question)).contains(Language.AZ);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ميخواهم سفارشم را لغو كنم",
            "سفارشم كي ميرسد؟",
            "چرا كد تخفيف كار نميكند"})
    void persianTypedOnAnArabicKeyboard(String question) {
        assertThat(detector.detect(question)).contains(Language.FA);
    }

    @Test
    void aForeignBrandNameDoesNotOutvoteTheSentence() {
        assertThat(detector.detect("گوشی iPhone من کی می‌رسد؟")).contains(Language.FA);
        assertThat(detector.detect("My order ۱۲۳ has not arrived")).contains(Language.EN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ok", "123", "۱۲۳", "١٢٣", "   ", "?!", "iPhone", "سلام", "Привет"})
    void unsureWithoutClues(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello سلام", "salam hello"})
    void unsureWhenTheEvidenceIsMixed(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mən", "Ən son qiymet"})
    void schwaAloneSettlesAzerbaijani(String text) {
        // Neither text has a listed word or another Azerbaijani letter.
        assertThat(detector.detect(text)).contains(Language.AZ);
    }
}
