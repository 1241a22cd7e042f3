import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL against Lakeward's Iceberg REST catalog, as a user configures Spark: each catalog
 * named on the command line ({@code name=token}) is Iceberg's SparkCatalog of type {@code rest}
 * with Lakeward's URI, the warehouse and that token, nothing else. Runs the statements read from
 * standard input, one per line, and prints for each {@code OK <rows>} or {@code ERROR <why>}.
 *
 * <p>Usage: {@code java -cp <classpath> SparkJob.java <uri> <warehouse> <catalog>=<token>...}
 */
public class SparkJob {

    public static void main(String[] args) throws Exception {
        SparkSession.Builder builder = SparkSession.builder().master("local[1]").appName("lakeward-spark-job")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
        for (int i = 2; i < args.length; i++) {
            String[] catalog = args[i].split("=", 2);
            String prefix = "spark.sql.catalog." + catalog[0];
            builder.config(prefix, "org.apache.iceberg.spark.SparkCatalog").config(prefix + ".type", "rest")
                    .config(prefix + ".uri", args[0]).config(prefix + ".warehouse", args[1])
                    .config(prefix + ".token", catalog[1]);
        }
        SparkSession spark = builder.getOrCreate();
        BufferedReader statements = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String statement = statements.readLine(); statement != null; statement = statements.readLine()) {
            if (statement.isBlank()) {
                continue;
            }
            try {
                List<String> rows = new ArrayList<>();
                for (Row row : spark.sql(statement).collectAsList()) {
                    rows.add(row.mkString("|"));
                }
                System.out.println("OK " + String.join(", ", rows));
            } catch (Exception e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.out.println("ERROR " + cause.getClass().getSimpleName() + ": "
                        + String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
            }
            System.out.flush();
        }
        spark.stop();
    }
}
