package dev.lantern.app.documents.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void itemsRankedByBothListsWinAndTheLimitHolds() {
        List<ReciprocalRankFusion.Fused<String>> fused = ReciprocalRankFusion.fuse(60, 3,
                List.of("a", "b", "c"), List.of("c", "d", "a"));
        assertEquals(List.of("a", "c", "b"), fused.stream().map(ReciprocalRankFusion.Fused::item).toList());
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get(0).score(), 1e-12);
    }

    @Test
    void oneEmptyRankingLeavesTheOtherOrder() {
        List<ReciprocalRankFusion.Fused<Long>> fused = ReciprocalRankFusion.fuse(60, 10, List.of(3L, 1L, 2L), List.of());
        assertEquals(List.of(3L, 1L, 2L), fused.stream().map(ReciprocalRankFusion.Fused::item).toList());
    }
}
