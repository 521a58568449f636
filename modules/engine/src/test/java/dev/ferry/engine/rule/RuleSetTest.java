package dev.ferry.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    @Test
    void aksToEksRuleSetNamesEveryRuleOfTheDirectionOnce() {
        List<String> inRuleSet = RuleSet.builtIn(Direction.AKS_TO_EKS).rules().stream().map(r -> r.info().id()).toList();
        List<String> inCatalog = RuleCatalog.forDirection(Direction.AKS_TO_EKS).stream().map(r -> r.info().id()).toList();
        assertThat(inRuleSet).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inCatalog);
    }

    @Test
    void everyRuleDocumentsItself() {
        for (Rule rule : RuleCatalog.all()) {
            RuleInfo info = rule.info();
            assertThat(info.displayName()).as(info.id()).isNotBlank();
            assertThat(info.description()).as(info.id()).hasSizeGreaterThan(20);
        }
    }

    @Test
    void ruleSetParsingRejectsUnknownRules() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleSet.parse(
                        "direction: aks-to-eks\nrules: [no-such-rule]\n"))
                .hasMessageContaining("no-such-rule");
    }
}
