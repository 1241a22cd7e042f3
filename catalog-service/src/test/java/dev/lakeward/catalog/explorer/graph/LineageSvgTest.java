package dev.lakeward.catalog.explorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.GraphEdge;
import dev.lakeward.catalog.lineage.LineageViews.GraphNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The drawing as the browser and the explorer's script read it. */
class LineageSvgTest {

    @Test
    void directAndIndirectEdgesAreDrawnDifferentlyWithTheirTransformation() throws Exception {
        Document svg = parse(LineageSvg.draw(LineageLayout.layout(LineageGraphs.ctas(false), "lin.s.t3")));
        String direct = "//g[@data-source='table:1.x' and @data-target='table:3.z']";
        String indirect = "//g[@data-source='table:1.k' and @data-target='table:3.z']";
        assertThat(text(svg, direct + "/@class")).isEqualTo("route column direct");
        assertThat(text(svg, indirect + "/@class")).isEqualTo("route column indirect");
        assertThat(text(svg, direct + "/path[@class='line']/@stroke-dasharray")).isEmpty();
        assertThat(text(svg, indirect + "/path[@class='line']/@stroke-dasharray")).isNotEmpty();
        assertThat(text(svg, indirect + "/path[@class='line']/@marker-end")).isEqualTo("url(#lineage-arrow)");
        assertThat(text(svg, indirect + "/title")).isEqualTo("INDIRECT JOIN: ON t1.k = t2.k");
        assertThat(text(svg, "//g[@data-source='table:2.y']/title")).isEqualTo("DIRECT TRANSFORMATION: upper(y)");
        assertThat(text(svg, "//g[@data-source='table:1.k' and @data-target='table:3']/@class"))
                .isEqualTo("route dependency indirect");
        assertThat(text(svg, "//g[@data-source='table:1' and @data-target='table:3']/@class")).isEqualTo("route table");
    }

    @Test
    void boxesAreGroupsWithFocusableColumnsAndTheOthersExpand() throws Exception {
        Document svg = parse(LineageSvg.draw(LineageLayout.layout(LineageGraphs.ctas(false), "lin.s.t3")));
        assertThat(text(svg, "//g[@data-node='table:3']/@class")).isEqualTo("box table focus");
        assertThat(text(svg, "//g[@data-node='table:3']/@role")).isEqualTo("group");
        assertThat(text(svg, "//g[@data-node='table:3']/@aria-label")).isEqualTo("Table lin.s.t3 (this table)");
        assertThat(text(svg, "//g[@data-node='table:3']/@data-expand")).isEmpty();
        assertThat(text(svg, "//g[@data-node='table:1']/@data-expand")).isEqualTo("lin.s.t1");
        assertThat(text(svg, "//g[@data-node='table:2']/@data-expand")).isEqualTo("lin.s.t2");
        assertThat(text(svg, "//g[@data-node='table:1']/g[@class='header']/@tabindex")).isEqualTo("0");
        NodeList columns = (NodeList) xpath().evaluate("//g[@class='column']", svg, XPathConstants.NODESET);
        assertThat(columns.getLength()).isEqualTo(4);
        assertThat(text(svg, "//g[@data-column='table:1.k']/@tabindex")).isEqualTo("0");
        assertThat(text(svg, "//g[@data-column='table:1.k']/@aria-label")).isEqualTo("Column k");
        assertThat(text(svg, "//g[@data-column='table:1.k']/text")).isEqualTo("k");
    }

    @Test
    void aMaskedTableIsAHiddenTableWithNothingOfItsOwn() throws Exception {
        String drawn = LineageSvg.draw(LineageLayout.layout(LineageGraphs.ctas(true), "lin.s.t3"));
        // the fixture gives the masked node and its column distinctive names, and the join's text names it
        assertThat(drawn).doesNotContain("secret_payroll").doesNotContain("salary_secret").doesNotContain("masked:1")
                .doesNotContain("upper(y)");
        Document svg = parse(drawn);
        assertThat(text(svg, "//g[@data-node='hidden:1']/@class")).isEqualTo("box table masked");
        assertThat(text(svg, "//g[@data-node='hidden:1']/@aria-label")).isEqualTo("Hidden table");
        assertThat(text(svg, "//g[@data-node='hidden:1']//text")).isEqualTo("Hidden table");
        assertThat(text(svg, "//g[@data-node='hidden:1']/@data-expand")).isEmpty();
        assertThat(text(svg, "//g[@data-node='hidden:1']/g[@class='column']/@aria-label")).isEqualTo("Hidden column");
        assertThat(text(svg, "//g[@data-source='hidden:1:1']/title")).isEqualTo("DIRECT TRANSFORMATION");
    }

    @Test
    void aDeletedTableIsMarkedAndDoesNotExpand() throws Exception {
        Graph graph = new Graph(List.of(new GraphNode("table:1", "TABLE", "c.s.gone", null, true, null),
                new GraphNode("table:2", "TABLE", "c.s.t", null, null, null)),
                List.of(new GraphEdge("table:1", "table:2", null, null, null, null)));
        Document svg = parse(LineageSvg.draw(LineageLayout.layout(graph, "c.s.t")));
        assertThat(text(svg, "//g[@data-node='table:1']/@class")).isEqualTo("box table deleted");
        assertThat(text(svg, "//g[@data-node='table:1']/@aria-label")).isEqualTo("Deleted table c.s.gone");
        assertThat(text(svg, "//g[@data-node='table:1']//text")).isEqualTo("c.s.gone (deleted)");
        assertThat(text(svg, "//g[@data-node='table:1']/@data-expand")).isEmpty();
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        String table = "c.s.a<b&c\"d'e>";
        String column = "x<y&\"'";
        String description = "<script>alert('&')</script>";
        Graph graph = new Graph(List.of(new GraphNode("table:1", "TABLE", table, null, null, null),
                new GraphNode("table:1." + column, "COLUMN", column, "table:1", null, null),
                new GraphNode("dataset:2", "DATASET", "s3://b/<&\"'>", null, null, null),
                new GraphNode("dataset:2.v", "COLUMN", "v", "dataset:2", null, null)),
                List.of(new GraphEdge("dataset:2.v", "table:1." + column, "DIRECT", "TRANSFORMATION", description,
                        false)));
        String drawn = LineageSvg.draw(LineageLayout.layout(graph, "c.s.other"));
        assertThat(drawn).doesNotContain("<script").doesNotContain("a<b").doesNotContain("x<y").doesNotContain("\"d'");
        Document svg = parse(drawn);
        assertThat(text(svg, "//g[@data-node='table:1']/g[@class='header']/text")).isEqualTo(table);
        assertThat(text(svg, "//g[@data-node='table:1']/@data-expand")).isEqualTo(table);
        assertThat(text(svg, "//g[@data-node='dataset:2']/@aria-label")).isEqualTo("Dataset s3://b/<&\"'>");
        assertThat(text(svg, "//g[@data-node='table:1']/g[@class='column']/@data-column")).isEqualTo("table:1." + column);
        assertThat(text(svg, "//g[@data-node='table:1']/g[@class='column']/text")).isEqualTo(column);
        assertThat(text(svg, "//g[@data-source='dataset:2.v']/title")).isEqualTo("DIRECT TRANSFORMATION: " + description);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }

    private static String text(Document svg, String expression) throws Exception {
        return xpath().evaluate(expression, svg);
    }
}
