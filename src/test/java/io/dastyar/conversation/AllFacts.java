package io.dastyar.conversation;

/** Every combination of the guards' facts: each fact is one bit of a number below {@link #COMBINATIONS}. */
final class AllFacts {

    static final int COMBINATIONS = 1 << 8;

    private AllFacts() {
    }

    static Facts of(int bits) {
        return new Facts((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0,
                (bits & 32) != 0, (bits & 64) != 0, (bits & 128) != 0);
    }
}
