package fr.convergence.terrain.core.demo;

import java.util.List;

/** Common French first and last names, accents and apostrophes included, combined at random into fictitious people. */
final class DemoNames {

    static final List<String> FIRST_NAMES = List.of(
            "Hélène", "Zoé", "Léa", "Chloé", "Inès", "Noé", "Jérôme", "François", "Anaïs", "Maëlle", "Joël", "Gaëlle",
            "Cécile", "Béatrice", "Agnès", "Mamadou", "Fatoumata", "Karim", "Yasmina", "Oumar", "Aïcha", "Théo",
            "Clément", "Amélie", "Loïc", "Benoît", "Sébastien", "Frédéric", "Élodie", "Océane", "Mélanie", "Stéphane",
            "Grégory", "Raphaël", "Ibrahima", "Moussa", "Nadia", "Samir", "Sofiane", "Leïla", "Ousmane", "Mariam",
            "Patrick", "Sylvie", "Nathalie", "Christophe", "Thierry", "Valérie", "Jean-Luc", "Marie-Thérèse", "Lucas",
            "Hugo", "Emma", "Manon", "Nicolas", "Julien", "Dimitri", "Ana", "João", "Andreï", "Irène", "Gérard",
            "Ginette", "Rachid", "Kévin", "Jessica", "Dylan", "Françoise", "Mathéo", "Éric", "Noëlle", "Hervé");

    static final List<String> LAST_NAMES = List.of(
            "Lefèvre", "Fontaine", "Mercier", "N'Diaye", "Benali", "Moreau", "Gérard", "Lemaître", "Bréchet", "Camara",
            "Traoré", "Nguyen", "Da Silva", "Le Goff", "Kowalski", "Rousseau", "Faure", "Chevalier", "Girard",
            "Bonnet", "Dupré", "Lacroix", "Mézières", "Diallo", "Cissé", "Haddad", "Bouchard", "Perrin", "Marchand",
            "Leroy", "Roux", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leclerc",
            "Garnier", "Guérin", "Boyer", "Denis", "Lemoine", "Bérenger", "Ferreira", "Pereira", "Kaya", "Yilmaz",
            "Popescu", "Ivanov", "Mbappé", "Koné", "Sow", "Barry", "Ben Saïd", "El Amrani", "Hoarau", "Payet",
            "Le Bihan", "Quéré", "Caillaux", "Lefèbvre-Dumas", "D'Almeida", "Saint-Aubin", "Noël", "Müller", "Bœuf");

    static final List<String> STREETS = List.of(
            "rue des Lilas", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard de la République", "rue de la Paix",
            "impasse des Érables", "chemin du Moulin", "place de l'Église", "rue Émile-Zola", "allée des Châtaigniers");

    static final List<String> REFERENTS = List.of(
            "Mme Aubert (CCAS)", "M. Ferrand (SIAO)", "Mme Kessler (SPIP)", "M. Dufour (CHRS Les Glycines)",
            "Mme Nasri (assistante sociale de secteur)", "M. Lemoine (association Le Relais)");

    private DemoNames() {
    }
}
