package dev.troubleticket.core.subscription.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.contract.SubscriptionStoreContractTest;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.store.DeadLetter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store keeps the store contract, and what only a file must: a torn last line dropped, a damaged one
 * refused with its line number, compaction that keeps the state, one open at a time, an old checkpoint file
 * refused with the way forward, and clear refusals of paths it cannot use. Real files in a temporary directory.
 */
class FileSubscriptionStoreTest extends SubscriptionStoreContractTest {
    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("store").resolve("subscriptions.journal");
    }

    @Override
    protected SubscriptionStore newStore(MutableClock clock, int seenWindow) {
        return FileSubscriptionStore.open(journal(), seenWindow, clock);
    }

    @Override
    protected boolean persists() {
        return true;
    }

    @Override
    protected SubscriptionStore reopen(MutableClock clock, int seenWindow) {
        return FileSubscriptionStore.open(journal(), seenWindow, clock);
    }

    private FileSubscriptionStore reopened() {
        store.close();
        FileSubscriptionStore again = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock);
        store = again;
        return again;
    }

    /** The journal's path as the store names it (its directory's real path). */
    private Path named() throws IOException {
        return journal().getParent().toRealPath().resolve(journal().getFileName());
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(journal(), StandardCharsets.UTF_8);
    }

    private Lease lease() {
        return store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
    }

    // ------------------------------------------------------------------ journal

    @Test
    void eachFollowedTicketIsOneRecordAndAChangeToOneWritesOnlyThatOne() throws IOException {
        for (int i = 0; i < 50; i++) {
            store.follow(SUB, new FollowedTicket("RED-" + i, "OPEN", clock.instant()));
        }
        int before = lines().size();

        store.commit(lease(), Commit.handled(SUB, "e1").withFollowed(new FollowedTicket("RED-7", "RESOLVED", clock.instant())));

        List<String> lines = lines();
        assertThat(before).isEqualTo(1 + 50);
        assertThat(lines).hasSize(before + 2); // the lease's grant and the commit
        assertThat(lines.get(lines.size() - 1)).contains("RED-7").doesNotContain("RED-8").doesNotContain("RED-70");
    }

    @Test
    void tornLastLineIsDroppedAndTheNextWriteStartsOnAWholeLine() throws IOException {
        Lease lease = lease();
        store.commit(lease, Commit.handled(SUB, "k1").withPosition("tickets", "t1"));
        store.commit(lease, Commit.handled(SUB, "k2").withPosition("tickets", "t2"));
        store.close();
        List<String> lines = lines();
        String last = lines.get(lines.size() - 1);
        // A crash in the middle of the last append: half of its line, no newline.
        byte[] whole = Files.readAllBytes(journal());
        Files.write(journal(), Arrays.copyOf(whole, whole.length - 1 - last.length() / 2));

        store = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock);

        assertThat(store.seen(SUB, "k1")).isTrue();
        assertThat(store.seen(SUB, "k2")).isFalse();
        assertThat(store.positions(SUB)).containsEntry("tickets", "t1");
        store.commit(lease(), Commit.handled(SUB, "k3").withPosition("tickets", "t3"));
        reopened();
        assertThat(store.seen(SUB, "k3")).isTrue();
        assertThat(store.positions(SUB)).containsEntry("tickets", "t3");
    }

    @Test
    void lastLineWithABadChecksumOrZerosAfterItIsDroppedAsTorn() throws IOException {
        Lease lease = lease();
        store.commit(lease, Commit.handled(SUB, "k1"));
        store.commit(lease, Commit.handled(SUB, "k2"));
        store.close();
        List<String> lines = new ArrayList<>(lines());
        String last = lines.remove(lines.size() - 1);
        lines.add(last.replace("k2", "k9"));
        Files.write(journal(), lines, StandardCharsets.UTF_8);
        // The file grew but the data never reached the disk: zeros after the last line.
        Files.write(journal(), new byte[300], StandardOpenOption.APPEND);

        store = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock);

        assertThat(store.seen(SUB, "k1")).isTrue();
        assertThat(store.seen(SUB, "k2")).isFalse();
        assertThat(store.seen(SUB, "k9")).isFalse();
        assertThat(Files.size(journal())).as("cut back to the last whole record").isLessThan(String.join("\n", lines).length());
    }

    @Test
    void damagedLineInTheMiddleIsRefusedWithItsLineNumberAndTheFileIsLeftAsItIs() throws IOException {
        Lease lease = lease();
        for (int i = 1; i <= 4; i++) {
            store.commit(lease, Commit.handled(SUB, "k" + i));
        }
        store.close();
        List<String> lines = new ArrayList<>(lines());
        // 1 header, 2 grant, 3..6 commits: damage the second commit.
        lines.set(3, lines.get(3).replace("k2", "kX"));
        Files.write(journal(), lines, StandardCharsets.UTF_8);
        byte[] damaged = Files.readAllBytes(journal());

        assertThatThrownBy(() -> store = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock))
                .isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining(named().toString())
                .hasMessageContaining("line 4 is damaged")
                .hasMessageContaining("checksum")
                .hasMessageContaining("head -n 3");
        assertThat(Files.readAllBytes(journal())).isEqualTo(damaged);
        assertThatThrownBy(() -> FileSubscriptionStore.open(journal())).as("refused again, not held by the refusal")
                .hasMessageContaining("line 4 is damaged");
        store = FileSubscriptionStore.open(dir.resolve("other.journal"));
    }

    @Test
    void wholeLastLineThatThisVersionCannotReadIsRefusedNotDroppedAsTorn() throws IOException {
        store.follow(SUB, new FollowedTicket("RED-1", null, clock.instant()));
        store.close();
        Files.write(journal(), lineWithChecksum("{\"type\":\"snapshotMarker\",\"subscription\":\"" + SUB + "\"}"),
                StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journal());

        assertThatThrownBy(() -> FileSubscriptionStore.open(journal())).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("line 3 holds a record this SDK version cannot read")
                .hasMessageContaining("snapshotMarker");
        assertThat(Files.readAllBytes(journal())).isEqualTo(before);
        store = FileSubscriptionStore.open(dir.resolve("other.journal"));
    }

    @Test
    void headerCutShortByACrashWhileCreatingIsANewStore() throws IOException {
        store.close();
        byte[] header = JournalCodec.headerLine();
        Files.write(journal(), Arrays.copyOf(header, header.length / 2));

        store = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock);
        store.follow(SUB, new FollowedTicket("RED-1", null, clock.instant()));
        reopened();

        assertThat(store.followed(SUB)).extracting(FollowedTicket::ticketId).containsExactly("RED-1");
    }

    @Test
    void journalOfANewerFormatIsRefused() throws IOException {
        store.close();
        Files.write(journal(), lineWithChecksum("{\"journal\":\"trouble-ticket subscription store\",\"version\":2}"));

        assertThatThrownBy(() -> FileSubscriptionStore.open(journal())).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("newer version").hasMessageContaining("journal version 2");
        store = FileSubscriptionStore.open(dir.resolve("other.journal"));
    }

    private static byte[] lineWithChecksum(String json) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        return (String.format("%08x ", crc.getValue()) + json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eventWithOnlyItsRequiredFieldsComesBackWithItsNulls() {
        TicketEvent bare = new TicketEvent("nexera", null, null, TicketEvent.Kind.PROVIDER_EVENT, null, null, null, null, null,
                null, null);
        StoredEvent event = new StoredEvent("n1", "lane", bare, clock.instant());
        store.addToInbox(SUB, event);

        reopened();

        assertThat(store.inbox(SUB, 1)).containsExactly(event);
        assertThat(store.inbox(SUB, 1).get(0).event().raw().json()).isEqualTo("{}");
    }

    @Test
    void kindAndStatusThisVersionDoesNotKnowReadAsProviderEventAndUnknown() throws IOException {
        store.close();
        Files.write(journal(), lineWithChecksum("{\"type\":\"inbox\",\"subscription\":\"" + SUB + "\",\"event\":{\"key\":\"n1\","
                + "\"lane\":\"T1\",\"receivedAt\":\"2025-03-01T10:00:00Z\",\"event\":{\"provider\":\"kosc\",\"kind\":\"ESCALATION\","
                + "\"status\":\"ESCALATED\",\"providerStatus\":\"escalated\",\"newField\":1}}}"), StandardOpenOption.APPEND);

        store = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock);

        TicketEvent read = store.inbox(SUB, 1).get(0).event();
        assertThat(read.kind()).isEqualTo(TicketEvent.Kind.PROVIDER_EVENT);
        assertThat(read.status()).isEqualTo(TicketStatus.UNKNOWN);
        assertThat(read.providerStatus()).isEqualTo("escalated");
    }

    // ------------------------------------------------------------------ compaction

    @Test
    void compactionRewritesALongJournalAndKeepsTheState() throws IOException {
        store.close();
        FileSubscriptionStore small = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock, 20);
        store = small;
        Lease lease = lease();
        store.saveHub(SUB, new HubRegistration("hub-1", "https://bo.example/l/tok", "tok", null, clock.instant()));
        store.addToInbox(SUB, stored("n2"));
        store.addToInbox(SUB, stored("n1"));
        store.commit(lease, Commit.handled(SUB, "d1").withDeadLetter(letter("d1")));
        store.commit(lease, Commit.handled(SUB, "d0").withDeadLetter(letter("d0")));
        int writes = 6;
        for (int i = 0; i < 300; i++) {
            store.commit(lease, Commit.handled(SUB, "k" + i).withPosition("tickets", "t" + i)
                    .withFollowed(new FollowedTicket("RED-" + (i % 3), "s" + i, clock.instant())));
            writes++;
        }

        long lines = lines().size();
        assertThat(lines).as("compacted: far fewer lines than writes").isLessThan(writes / 3);
        Map<String, String> positions = store.positions(SUB);
        List<FollowedTicket> followed = store.followed(SUB);
        List<DeadLetter> letters = store.deadLetters(SUB);

        reopened();

        assertThat(store.positions(SUB)).isEqualTo(positions).containsEntry("tickets", "t299");
        assertThat(store.followed(SUB)).containsExactlyInAnyOrderElementsOf(followed).hasSize(3);
        assertThat(store.deadLetters(SUB)).isEqualTo(letters).extracting(DeadLetter::key).containsExactly("d1", "d0");
        assertThat(store.inbox(SUB, 10)).containsExactly(stored("n2"), stored("n1"));
        assertThat(store.hub(SUB).orElseThrow().callbackToken()).isEqualTo("tok");
        for (int i = 300 - SEEN_WINDOW; i < 300; i++) {
            assertThat(store.seen(SUB, "k" + i)).as("k" + i + ", in the window").isTrue();
        }
        assertThat(store.seen(SUB, "k" + (299 - SEEN_WINDOW))).isFalse();
        clock.advance(TTL.plusSeconds(1));
        assertThat(store.acquireLease(SUB, "instance-b", TTL).orElseThrow().token()).isGreaterThan(lease.token());
    }

    @Test
    void compactionKeepsEverySeenEventOfTheWindowInItsOrder() throws IOException {
        store.close();
        store = FileSubscriptionStore.open(journal(), 1_000, clock, 20);
        Lease lease = lease();
        int writes = 1;
        for (int i = 0; i < 300; i++) {
            store.commit(lease, Commit.handled(SUB, "k" + i));
            // Two rewrites of one ticket per event: the journal grows three times as fast as the state.
            store.follow(SUB, new FollowedTicket("RED-1", "a" + i, clock.instant()));
            store.follow(SUB, new FollowedTicket("RED-1", "b" + i, clock.instant()));
            writes += 3;
        }
        long live = 1 + 300 + 1;

        assertThat(lines()).as("compacted: at most twice the state and the slack, header included")
                .hasSizeLessThanOrEqualTo((int) (2 * live + 20 + 1)).hasSizeLessThan(writes);
        store.close();
        store = FileSubscriptionStore.open(journal(), 300, clock, 20);
        for (int i = 0; i < 300; i++) {
            assertThat(store.seen(SUB, "k" + i)).as("k" + i).isTrue();
        }
        store.commit(lease(), Commit.handled(SUB, "k300"));
        assertThat(store.seen(SUB, "k0")).as("still the oldest, so the first forgotten").isFalse();
        assertThat(store.seen(SUB, "k1")).isTrue();
        assertThat(store.followed(SUB)).extracting(FollowedTicket::state).containsExactly("b299");
    }

    @Test
    void leftoverOfACompactionCutShortIsRemovedAndTheJournalKept() throws IOException {
        store.follow(SUB, new FollowedTicket("RED-1", null, clock.instant()));
        store.close();
        Path leftover = journal().resolveSibling("subscriptions.journal.8812345.compacting");
        Files.writeString(leftover, "half a snapshot");

        store = FileSubscriptionStore.open(journal(), SEEN_WINDOW, clock);

        assertThat(leftover).doesNotExist();
        assertThat(store.followed(SUB)).extracting(FollowedTicket::ticketId).containsExactly("RED-1");
    }

    // ------------------------------------------------------------------ one open at a time

    @Test
    void secondOpenInTheSameProcessIsRefusedUntilTheFirstIsClosed() throws IOException {
        assertThatThrownBy(() -> FileSubscriptionStore.open(journal())).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining(named().toString()).hasMessageContaining("already open in this process");
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, journal().getParent());
        } catch (UnsupportedOperationException | IOException noLinks) {
            link = null;
        }
        if (link != null) {
            Path throughLink = link.resolve("subscriptions.journal");
            assertThatThrownBy(() -> FileSubscriptionStore.open(throughLink)).as("the same file through a link")
                    .hasMessageContaining("already open in this process");
        }

        store.close();
        store = FileSubscriptionStore.open(journal());
        assertThat(store.positions(SUB)).isEmpty();
    }

    @Test
    void closedStoreRefusesUseAndCloseAgainIsHarmless() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.follow(SUB, new FollowedTicket("RED-1", null, clock.instant())))
                .isInstanceOf(SubscriptionStoreException.class).hasMessageContaining("closed");
        store = FileSubscriptionStore.open(journal());
    }

    // ------------------------------------------------------------------ what it shows

    @Test
    void toStringNamesTheFileOnly() throws IOException {
        store.saveHub(SUB, new HubRegistration("hub-1", "https://bo.example/listener/s3cr3t", "s3cr3t", null, clock.instant()));

        assertThat(store).hasToString("FileSubscriptionStore[" + named() + "]");
        assertThat(((FileSubscriptionStore) store).file()).isEqualTo(named());
    }

    @Test
    void journalHoldingCallbackTokensIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(journal().getFileSystem().supportedFileAttributeViews().contains("posix"));

        assertThat(Files.getPosixFilePermissions(journal()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    // ------------------------------------------------------------------ files it refuses

    /**
     * Writes a checkpoint file as the SDK's earlier checkpoint store left it: a properties file with its comment and
     * date lines first, {@code :} and {@code =} escaped in the values.
     */
    private Path oldCheckpointFile(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), "#trouble-ticket SDK subscription checkpoints\n#Wed May 01 12:00:00 CEST 2024\n"
                + String.join("\n", lines) + "\n");
    }

    @Test
    void oldCheckpointFileIsRefusedWithTheInstantToStartFromAndTheTicketsToFollowAgain() throws IOException {
        // Kosc's event feed cursor: base64 of ["<date-time without zone>", ...], as in its documentation.
        String feedCursor = Base64.getEncoder().encodeToString("[\"2024-04-30T08:15:00.250000\",17]".getBytes(StandardCharsets.UTF_8));
        Path old = oldCheckpointFile("kosc.checkpoint",
                "kosc-events=" + feedCursor,
                "kosc-tickets=2024-05-01T10\\:00\\:00Z",
                "masstack-watch=v1;RED-84,OPENACTIVE,3f2a9c0d1e4b5a6c,2;RED-85,CLOSED,-,4;RED%2F86,OPEN,-,1");
        byte[] before = Files.readAllBytes(old);

        assertThatThrownBy(() -> FileSubscriptionStore.open(old)).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining(old.toString())
                .hasMessageContaining("FileCheckpointStore")
                .hasMessageContaining("left as it is")
                .hasMessageContaining("new file")
                .hasMessageContaining("StartPosition.at(2024-04-30T08:15:00.250Z)")
                .hasMessageContaining("ticketctl watch --from 2024-04-30T08:15:00.250Z")
                .hasMessageContaining("'kosc-tickets' stood at 2024-05-01T10:00:00Z")
                .hasMessageContaining("3 MasStack tickets (RED-84, RED-85, RED/86)")
                .hasMessageContaining("follow(id)")
                .hasMessageContaining("--ticket");
        assertThat(Files.readAllBytes(old)).isEqualTo(before);
        assertThat(StoreLock.lockFile(old)).as("nothing written beside it").doesNotExist();
    }

    @Test
    void oldCheckpointFileWithTheSpecificationsCursorGivesItsInstant() throws IOException {
        Path old = oldCheckpointFile("feed.checkpoint", "kosc-events=WyIyMDE3LTA1LTA5VDE1OjU3OjU5LjU3MzM5MyJd");

        assertThatThrownBy(() -> FileSubscriptionStore.open(old))
                .hasMessageContaining("StartPosition.at(2017-05-09T15:57:59.573393Z)")
                .hasMessageNotContaining("MasStack");
    }

    @Test
    void oldMasStackOnlyCheckpointFileSaysHowManyTicketsToFollowAgain() throws IOException {
        Path old = oldCheckpointFile("masstack.checkpoint", "watch=v1;RED-84,OPENACTIVE,3f2a9c0d1e4b5a6c,2");

        assertThatThrownBy(() -> FileSubscriptionStore.open(old))
                .hasMessageContaining("1 MasStack ticket (RED-84)")
                .hasMessageContaining("follow(id)")
                .hasMessageNotContaining("StartPosition.at(2");
    }

    @Test
    void fileThatIsNotAJournalIsRefusedAndLeftAsItIs() throws IOException {
        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "remember the milk\n");

        assertThatThrownBy(() -> FileSubscriptionStore.open(other)).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining("not a subscription store journal");
        assertThat(Files.readString(other)).isEqualTo("remember the milk\n");
    }

    @Test
    void pathThatIsADirectoryIsRefused() {
        assertThatThrownBy(() -> FileSubscriptionStore.open(dir)).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("is a directory").hasMessageContaining(dir.resolve("subscriptions.journal").toString());
    }

    @Test
    void pathWhoseDirectoryCannotBeCreatedIsRefused() throws IOException {
        Path aFile = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> FileSubscriptionStore.open(aFile.resolve("sub").resolve("s.journal")))
                .isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("cannot be created").hasMessageContaining("directory this process can write");
    }

    @Test
    void directoryThatCannotBeWrittenIsRefused() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!canCreateIn(readOnly), "this process writes a read-only directory (it runs as root)");

            assertThatThrownBy(() -> FileSubscriptionStore.open(readOnly.resolve("s.journal")))
                    .isInstanceOf(SubscriptionStoreException.class)
                    .hasMessageContaining(readOnly.toString())
                    .hasMessageContaining("cannot be written")
                    .hasMessageContaining("directory this process can write");
        } finally {
            Files.setPosixFilePermissions(readOnly, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
        }
    }

    private static boolean canCreateIn(Path directory) {
        try {
            Files.delete(Files.createFile(directory.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
