package dev.ferry.bench;

import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.task.TaskProgress;
import dev.ferry.app.tree.TreeFilter;
import dev.ferry.app.tree.TreeModel;
import dev.ferry.engine.rule.RuleSet;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.FileTrees;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import dev.ferry.plan.bundle.Bundle;
import dev.ferry.plan.bundle.BundleReader;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.testkit.ParseWriteBaseline;
import java.nio.file.Path;
import java.util.List;

/** The stages that run in this JVM on files: reading, sanitizing, rules, bundles, the app's loader, the floor. */
final class EngineStages {

    private EngineStages() {
    }

    static List<Stage> all() {
        return List.of(read(), sanitize(), rules(), writeBundle(), readBundle(), reviewOpen(), appOpen(), propose(),
                parseWriteFloor());
    }

    static Stage read() {
        return stage("read", "ManifestReader: parse every file of the estate into objects", fixture -> {
            Path estate = fixture.estate();
            return rep -> new ManifestReader().read(List.of(estate)).objects().size();
        });
    }

    static Stage sanitize() {
        return stage("sanitize", "Sanitizer: strip server fields, redact Secrets, index the estate", fixture -> {
            List<KubeObject> raw = fixture.read().objects();
            return rep -> new Sanitizer().sanitize(raw).objects().size();
        });
    }

    static Stage rules() {
        return stage("rules", "RuleRunner + Composer: the AKS to EKS catalogue over the sanitized estate", fixture -> {
            SanitizedEstate estate = new Sanitizer().sanitize(fixture.read().objects());
            MigrationSettings settings = fixture.settings();
            return rep -> {
                RuleRunner runner = new RuleRunner(RuleSet.builtIn(settings.direction()).rules());
                return runner.run(estate, settings).source().size();
            };
        });
    }

    static Stage writeBundle() {
        return stage("write-bundle", "BundleWriter: source, proposed, changes, digests and report to disk", fixture -> {
            Proposal proposal = fixture.propose();
            MigrationSettings settings = fixture.settings();
            Path out = fixture.scratch("write");
            return new Stage.Run() {
                @Override
                public int run(int rep) throws Exception {
                    new BundleWriter(new ProposeReport()).write(Fixture.content(proposal, settings), out);
                    return proposal.source().size();
                }

                @Override
                public void reset(int rep) throws Exception {
                    FileTrees.delete(out);
                }
            };
        });
    }

    static Stage readBundle() {
        return stage("read-bundle", "BundleReader: verify every file's digest and read the bundle", fixture -> {
            Path bundle = fixture.bundle();
            return rep -> {
                Bundle read = new BundleReader().read(bundle);
                return read.source().size();
            };
        });
    }

    static Stage reviewOpen() {
        return stage("review-open", "ReviewSession.open: read the bundle and index changes and decisions", fixture -> {
            Path bundle = fixture.bundle();
            return rep -> {
                try (ReviewSession session = ReviewSession.open(bundle)) {
                    return session.sourceObjects().size();
                }
            };
        });
    }

    static Stage appOpen() {
        return stage("app-open", "the app's ReviewLoader (session + snapshot rows) and the tree's flat index, no toolkit",
                fixture -> {
                    Path bundle = fixture.bundle();
                    return rep -> {
                        ReviewSnapshot snapshot = new ReviewLoader().open(bundle, NO_PROGRESS);
                        try {
                            return TreeModel.build(snapshot.rows(), TreeFilter.NONE).total();
                        } finally {
                            snapshot.session().close();
                        }
                    };
                });
    }

    static Stage propose() {
        return stage("propose", "ferry propose in process: read, sanitize, rules, write the bundle", fixture -> {
            Path estate = fixture.estate();
            MigrationSettings settings = fixture.settings();
            Path out = fixture.scratch("propose");
            return new Stage.Run() {
                @Override
                public int run(int rep) throws Exception {
                    ManifestSet input = new ManifestReader().read(List.of(estate));
                    int objects = input.objects().size();
                    Proposal proposal = new ProposeService().propose(input, settings);
                    new BundleWriter(new ProposeReport()).write(Fixture.content(proposal, settings), out);
                    return objects;
                }

                @Override
                public void reset(int rep) throws Exception {
                    FileTrees.delete(out);
                }
            };
        });
    }

    static Stage parseWriteFloor() {
        return stage("parse-write-floor", "ParseWriteBaseline: same YAML library, read and write every object twice",
                fixture -> {
                    Path estate = fixture.estate();
                    int objects = fixture.objects();
                    Path out = fixture.scratch("floor");
                    return new Stage.Run() {
                        @Override
                        public int run(int rep) throws Exception {
                            ParseWriteBaseline.main(new String[] {estate.toString(), out.toString()});
                            return objects;
                        }

                        @Override
                        public void reset(int rep) throws Exception {
                            FileTrees.delete(out);
                        }
                    };
                });
    }

    private static final TaskProgress NO_PROGRESS = new TaskProgress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @FunctionalInterface
    interface Preparer {
        Stage.Run prepare(Fixture fixture) throws Exception;
    }

    static Stage stage(String id, String description, Preparer preparer) {
        return new Stage() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Run prepare(Fixture fixture) throws Exception {
                return preparer.prepare(fixture);
            }
        };
    }
}
