package io.dastyar.handoff.eta;

import java.time.Instant;

/**
 * What the window of history says about the desk: how long chats take, and how fast waiting customers give up;
 * the configured defaults while it says too little.
 */
record RecentHistory(double meanHandleSeconds, double giveUpRate) {

    static RecentHistory of(QueueSnapshot snapshot, EtaSettings settings) {
        Instant since = snapshot.at().minus(settings.window());
        double handleSeconds = 0;
        int chats = 0;
        for (HandledChat chat : snapshot.recentChats()) {
            if (within(chat.endedAt(), since, snapshot.at())) {
                handleSeconds += chat.handleTime().toMillis() / 1000.0;
                chats++;
            }
        }
        // Every wait in the window is time a customer could have given up in; those who got an agent first only
        // show that their patience was longer (the exponential's estimate for censored observations).
        double waitedSeconds = 0;
        int left = 0;
        int gaveUp = 0;
        for (PastWait wait : snapshot.recentWaits()) {
            if (within(wait.leftAt(), since, snapshot.at())) {
                waitedSeconds += wait.waited().toMillis() / 1000.0;
                left++;
                gaveUp += wait.assigned() ? 0 : 1;
            }
        }
        return new RecentHistory(
                chats < settings.minimumSamples() ? settings.defaultHandleTime().toSeconds() : handleSeconds / chats,
                left < settings.minimumSamples() || waitedSeconds == 0 ? 0 : gaveUp / waitedSeconds);
    }

    private static boolean within(Instant moment, Instant since, Instant now) {
        return moment.isAfter(since) && !moment.isAfter(now);
    }
}
