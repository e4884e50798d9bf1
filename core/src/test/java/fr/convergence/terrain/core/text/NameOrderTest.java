package fr.convergence.terrain.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameOrderTest {

    @Test
    void namesFollowFrenchCollationNotByteOrder() {
        List<String> names = new ArrayList<>(List.of("Frédéric", "Bouchard", "Élodie", "Zoé", "Bœuf", "Bérenger",
                "Berger", "azur"));
        names.sort(NameOrder.TEXT);
        assertThat(names).containsExactly("azur", "Bérenger", "Berger", "Bœuf", "Bouchard", "Élodie", "Frédéric",
                "Zoé");
    }

    @Test
    void peopleAreOrderedByLastNameThenFirstName() {
        record Person(String first, String last) {
        }
        List<Person> people = new ArrayList<>(List.of(new Person("Zoé", "Bouchard"), new Person("Élodie", "Bouchard"),
                new Person("Awa", "Bœuf")));
        people.sort(NameOrder.byPerson(Person::last, Person::first));
        assertThat(people).extracting(Person::first).containsExactly("Awa", "Élodie", "Zoé");
    }
}
