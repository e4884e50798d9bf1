import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Prints the id of one participant of a demo store (the first by id), for the scripts that print a follow-up sheet
 * (linux-classlist.sh, measure-startup.sh). Run as a one-file program on the image's jars:
 * {@code java -cp "IMAGE/lib/app/*" DemoParticipant.java STORE}.
 */
public class DemoParticipant {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             ResultSet row = connection.createStatement()
                     .executeQuery("SELECT id FROM participant ORDER BY id LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no participant in " + args[0]);
            }
            System.out.println(row.getString(1));
        }
    }
}
