package dev.ferry.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleSetTest {

    @ParameterizedTest
    @EnumSource(Direction.class)
    void eachRuleSetNamesEveryRuleOfItsDirectionOnce(Direction direction) {
        assertThat(RuleSet.available(direction)).isTrue();
        List<String> inRuleSet = RuleSet.builtIn(direction).rules().stream().map(r -> r.info().id()).toList();
        List<String> inCatalog = RuleCatalog.forDirection(direction).stream().map(r -> r.info().id()).toList();
        assertThat(inRuleSet).isNotEmpty().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inCatalog);
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
