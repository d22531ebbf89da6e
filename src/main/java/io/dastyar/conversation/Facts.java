package io.dastyar.conversation;

/**
 * What {@link Steps} found out before firing an event, so that guards stay pure functions
 * and the machine itself never does I/O.
 *
 * @param confidentAnswer  the knowledge base has an answer that clears the confidence threshold
 * @param closeCall        several answers clear it and are too close to tell apart
 * @param anotherCandidate after "not helped", there is another candidate worth offering
 * @param givingUp         the customer has said "not helped" often enough that a person should be offered
 * @param stuck            this question too has no answer, and the ones before it had none either: often enough
 *                         that a person should be offered
 * @param reprompted       the rating question was already asked again after text that was no rating
 * @param reminded         the customer was already reminded of the unanswered rating question
 * @param npsSampled       this conversation is one of those asked the NPS question
 */
record Facts(boolean confidentAnswer, boolean closeCall, boolean anotherCandidate, boolean givingUp, boolean stuck,
             boolean reprompted, boolean reminded, boolean npsSampled) {

    static final Facts NONE = new Facts(false, false, false, false, false);

    Facts(boolean confidentAnswer, boolean closeCall, boolean anotherCandidate, boolean givingUp, boolean stuck) {
        this(confidentAnswer, closeCall, anotherCandidate, givingUp, stuck, false, false, false);
    }

    Facts(boolean confidentAnswer, boolean closeCall, boolean anotherCandidate, boolean givingUp) {
        this(confidentAnswer, closeCall, anotherCandidate, givingUp, false);
    }

    /** These facts with the survey's added. */
    Facts withSurvey(boolean reprompted, boolean reminded, boolean npsSampled) {
        return new Facts(confidentAnswer, closeCall, anotherCandidate, givingUp, stuck, reprompted, reminded, npsSampled);
    }
}
