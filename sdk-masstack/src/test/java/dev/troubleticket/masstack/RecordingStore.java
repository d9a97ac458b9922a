package dev.troubleticket.masstack;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.ForwardingSubscriptionStore;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.Lease;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store that records what it is asked to write, so that a test can say how much a subscription writes. */
final class RecordingStore extends ForwardingSubscriptionStore {
    final List<Commit> commits = new CopyOnWriteArrayList<>();
    final List<FollowedTicket> follows = new CopyOnWriteArrayList<>();
    final List<String> unfollows = new CopyOnWriteArrayList<>();
    final AtomicInteger followedReads = new AtomicInteger();

    RecordingStore() {
        super(new InMemorySubscriptionStore());
    }

    @Override
    public void commit(Lease lease, Commit commit) {
        super.commit(lease, commit);
        commits.add(commit);
    }

    @Override
    public void follow(String subscription, FollowedTicket ticket) {
        super.follow(subscription, ticket);
        follows.add(ticket);
    }

    @Override
    public void unfollow(String subscription, String ticketId) {
        super.unfollow(subscription, ticketId);
        unfollows.add(ticketId);
    }

    @Override
    public List<FollowedTicket> followed(String subscription) {
        followedReads.incrementAndGet();
        return super.followed(subscription);
    }

    /** The stored record of one ticket, without counting as a read of the set. */
    Optional<FollowedTicket> record(String subscription, String ticketId) {
        return delegate().followed(subscription).stream().filter(t -> t.ticketId().equals(ticketId)).findFirst();
    }
}
