package dev.finnews.store.dynamo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritePlanTest {

    @Test
    void anItemIsTouchedOnce() {
        WritePlan plan = new WritePlan("t");
        plan.delete("L#ALL", "x");
        assertThatThrownBy(() -> plan.put(ArticleItems.key("L#ALL", "x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransactionHoldsAtMostOneHundredActions() {
        WritePlan plan = new WritePlan("t");
        for (int i = 0; i < WritePlan.MAX_ACTIONS; i++) {
            plan.delete("p", Integer.toString(i));
        }
        assertThatThrownBy(() -> plan.delete("p", "one more")).isInstanceOf(IllegalStateException.class);
    }
}
