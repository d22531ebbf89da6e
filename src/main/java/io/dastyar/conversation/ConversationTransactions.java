package io.dastyar.conversation;

import java.util.function.Supplier;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a conversation step in one transaction, and runs it again on fresh data when it lost a race (an
 * optimistic-lock conflict, or two first messages of one customer opening a conversation at once). So no
 * event is lost, and the events of one conversation apply one after another.
 */
@Component
class ConversationTransactions {

    private final TransactionTemplate transactions;
    private final RetryTemplate retry;

    ConversationTransactions(TransactionTemplate transactions, RetryTemplate conversationRetry) {
        this.transactions = transactions;
        this.retry = conversationRetry;
    }

    <T> T run(Supplier<T> step) {
        return retry.invoke(() -> transactions.execute(status -> step.get()));
    }
}
