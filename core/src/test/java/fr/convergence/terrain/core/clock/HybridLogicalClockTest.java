package fr.convergence.terrain.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HybridLogicalClockTest {

    /** A wall clock the test moves by hand, backwards too. */
    private static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void versionsIncreaseEvenWhenTheWallClockGoesBack() {
        HandClock wall = new HandClock();
        HybridLogicalClock clock = new HybridLogicalClock(wall, "laptop-a");
        Hlc first = clock.tick();
        wall.millis.addAndGet(-Duration.ofDays(3).toMillis());
        Hlc second = clock.tick();
        assertThat(second).isGreaterThan(first);
        assertThat(second.millis()).isEqualTo(first.millis());
    }

    @Test
    void observingARemoteVersionFromTheFutureMovesPastIt() {
        HandClock wall = new HandClock();
        HybridLogicalClock late = new HybridLogicalClock(wall, "laptop-late");
        Hlc remote = new Hlc(wall.millis() + Duration.ofDays(2).toMillis(), 7, "laptop-ahead");
        late.observe(remote);
        assertThat(late.tick()).isGreaterThan(remote);
    }

    @Test
    void textFormSortsLikeTheVersions() {
        Hlc a = new Hlc(0x18e0000000L, 0xffff, "zz");
        Hlc b = new Hlc(0x18e0000001L, 0, "aa");
        assertThat(a.encode().compareTo(b.encode())).isNegative();
        assertThat(Hlc.parse(a.encode())).isEqualTo(a);
        assertThat(Hlc.parse(b.encode())).isEqualTo(b);
        assertThat(a.encode()).isEqualTo("0018e0000000-ffff-zz");
    }

    @Test
    void counterOverflowCarriesIntoTheMillis() {
        HandClock wall = new HandClock();
        HybridLogicalClock clock = new HybridLogicalClock(wall, "n", new Hlc(wall.millis(), Hlc.MAX_COUNTER, "n"));
        Hlc next = clock.tick();
        assertThat(next.millis()).isEqualTo(wall.millis() + 1);
        assertThat(next.counter()).isZero();
    }

    @Test
    void malformedVersionsAreRejected() {
        assertThatThrownBy(() -> Hlc.parse("2026-03-18")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hlc.parse("zzzzzzzzzzzz-0000-node")).isInstanceOf(IllegalArgumentException.class);
    }
}
