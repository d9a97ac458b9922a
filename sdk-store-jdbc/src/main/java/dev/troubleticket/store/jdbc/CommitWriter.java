package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.Commit;
import java.sql.Connection;
import java.sql.SQLException;

/** Applies each part of a {@link Commit}, in the caller's transaction (after the lease was checked). */
final class CommitWriter {
    private final SeenWindow seen;
    private final ProgressTables progress;
    private final InboxTable inbox;
    private final DeadLetterTable deadLetters;

    CommitWriter(SeenWindow seen, ProgressTables progress, InboxTable inbox, DeadLetterTable deadLetters) {
        this.seen = seen;
        this.progress = progress;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    void apply(Connection c, Commit commit) throws SQLException {
        String sub = commit.subscription();
        if (commit.eventKey() != null) {
            seen.add(c, sub, commit.eventKey());
        }
        if (commit.stream() != null) {
            progress.savePosition(c, sub, commit.stream(), commit.position());
        }
        if (commit.followed() != null) {
            progress.follow(c, sub, commit.followed());
        }
        if (commit.unfollow() != null) {
            progress.unfollow(c, sub, commit.unfollow());
        }
        if (commit.inboxDone() != null) {
            inbox.remove(c, sub, commit.inboxDone());
        }
        if (commit.deadLetter() != null) {
            deadLetters.park(c, sub, commit.deadLetter());
        }
    }
}
