package dev.ferry.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import org.junit.jupiter.api.Test;

class DirectionGuessTest {

    @Test
    void anAksServerMigratesToEksAndAnEksServerToAks() {
        assertThat(DirectionGuess.fromSourceServer("https://shop-dns-1a2b3c4d.hcp.westeurope.azmk8s.io:443"))
                .contains(Direction.AKS_TO_EKS);
        assertThat(DirectionGuess.fromSourceServer(
                "https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com"))
                .contains(Direction.EKS_TO_AKS);
    }

    @Test
    void anyOtherServerSaysNothing() {
        assertThat(DirectionGuess.fromSourceServer("http://127.0.0.1:41234")).isEmpty();
        assertThat(DirectionGuess.fromSourceServer("https://azmk8s.io.example.com")).isEmpty();
        assertThat(DirectionGuess.fromSourceServer("")).isEmpty();
        assertThat(DirectionGuess.fromSourceServer(null)).isEmpty();
    }
}
