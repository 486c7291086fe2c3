package se.planpuls.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small rules of the map's drawing. */
class StrategicMapTest {

    @Test
    void titles_are_wrapped_on_words_and_cut_with_an_ellipsis() {
        assertThat(StrategicMap.wrap("Personcentrerade och sammanhållna vårdförlopp", 20, 4))
                .containsExactly("Personcentrerade och", "sammanhållna", "vårdförlopp");
        assertThat(StrategicMap.wrap("a b c d e f g h i j", 3, 2)).containsExactly("a b", "c …");
    }
}
