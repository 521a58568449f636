package dev.ferry.plan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.plan.bundle.BundleArchive;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.testing.TestBundles;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole offline loop: propose, pack, review a copy elsewhere, merge back. */
class OfflineReviewTest {

    @TempDir
    Path dir;

    @Test
    void aReviewersDecisionsComeBackExactly() throws Exception {
        Path bundle = TestBundles.shop(dir.resolve("bundle"));
        Path zip = dir.resolve("outbox/shop-review.zip");
        assertThat(BundleArchive.pack(bundle, zip)).isPositive();

        List<String> approved = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (ReviewSession copy = ReviewSession.open(zip)) {
            assertThat(copy.fromZip()).isTrue();
            List<ReviewedChange> changes = copy.changes();
            for (int i = 0; i < changes.size(); i++) {
                String id = changes.get(i).id();
                if (i % 2 == 0) {
                    approved.add(id);
                } else if (i % 3 == 1) {
                    rejected.add(id);
                }
            }
            copy.execute(new ApproveCommand(ChangeSelection.ids(approved), "rev", "looks right"));
            copy.execute(new RejectCommand(ChangeSelection.ids(rejected), "rev", "not yet"));
        }

        ReviewMerge.Report report;
        try (ReviewSession original = ReviewSession.open(bundle)) {
            report = ReviewMerge.merge(original, zip, "lead");
            assertThat(report.notTaken()).isEmpty();
            assertThat(report.taken()).hasSize(approved.size() + rejected.size());
        }
        try (ReviewSession original = ReviewSession.open(bundle)) {
            Map<String, ReviewStatus> statuses = original.changes().stream()
                    .collect(Collectors.toMap(ReviewedChange::id, ReviewedChange::status));
            statuses.forEach((id, status) -> {
                ReviewStatus expected = approved.contains(id) ? ReviewStatus.APPROVED
                        : rejected.contains(id) ? ReviewStatus.REJECTED : ReviewStatus.PENDING;
                assertThat(status).as(id).isEqualTo(expected);
            });
            ReviewedChange one = original.change(approved.get(0)).orElseThrow();
            assertThat(one.decision().orElseThrow().by()).isEqualTo("rev");
            assertThat(one.decision().orElseThrow().comment()).isEqualTo("looks right");
            assertThat(original.audit()).extracting(AuditEntry::action).containsExactly("merge");
            assertThat(original.verification().intact()).isTrue();
        }
    }

    @Test
    void aDecisionOnContentThatDiffersHereIsReportedNotTaken() throws Exception {
        Path bundle = TestBundles.shop(dir.resolve("bundle"));
        Path zip = dir.resolve("review.zip");
        BundleArchive.pack(bundle, zip);
        String id;
        try (ReviewSession copy = ReviewSession.open(zip)) {
            id = copy.changes().get(0).id();
            copy.execute(new ApproveCommand(ChangeSelection.all(), "rev", ""));
        }
        // the original is proposed again with other settings: the account id is in the registry change's content
        TestBundles.write(bundle, TestBundles.SHOP, TestBundles.SETTINGS.replace("111122223333", "444455556666"));
        try (ReviewSession original = ReviewSession.open(bundle)) {
            ReviewMerge.Report report = ReviewMerge.merge(original, zip, "lead");
            assertThat(report.notTaken()).isNotEmpty().allSatisfy(o ->
                    assertThat(o.reason()).contains("differs from what the reviewer saw"));
            assertThat(report.taken()).isNotEmpty();
            assertThat(report.taken().size() + report.notTaken().size()).isEqualTo(original.changes().size());
        }
        assertThat(id).isNotEmpty();
    }

    @Test
    void aTamperedFileInTheZipIsRefusedWithItsName() throws Exception {
        Path bundle = TestBundles.shop(dir.resolve("bundle"));
        Path zip = dir.resolve("review.zip");
        BundleArchive.pack(bundle, zip);
        Path tampered = dir.resolve("tampered.zip");
        rewriteEntry(zip, tampered, "proposed/shop/deployment.web.yaml", "replicas: 2", "replicas: 50");

        try (ReviewSession original = ReviewSession.open(bundle)) {
            assertThatThrownBy(() -> ReviewMerge.merge(original, tampered, "lead"))
                    .isInstanceOf(BundleException.class)
                    .hasMessageContaining("proposed/shop/deployment.web.yaml")
                    .hasMessageContaining("nothing was merged");
            assertThat(original.audit()).isEmpty();
        }
    }

    @Test
    void aZipWithAPathOutsideTheBundleIsRefused() throws Exception {
        Path zip = dir.resolve("slip.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("bundle.yaml"));
            z.write("format: ferry-bundle\n".getBytes());
            z.putNextEntry(new ZipEntry("../../evil.txt"));
            z.write("x".getBytes());
        }
        assertThatThrownBy(() -> ReviewSession.open(zip)).isInstanceOf(BundleException.class)
                .hasMessageContaining("../../evil.txt").hasMessageContaining("zip-slip");
        assertThat(dir.getParent().resolve("evil.txt")).doesNotExist();
    }

    private static void rewriteEntry(Path from, Path to, String name, String find, String replace) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream out = Files.newOutputStream(to);
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    String text = new String(bytes);
                    assertThat(text).contains(find);
                    bytes = text.replace(find, replace).getBytes();
                }
                z.putNextEntry(new ZipEntry(entry.getName()));
                z.write(bytes);
            }
        }
    }
}
