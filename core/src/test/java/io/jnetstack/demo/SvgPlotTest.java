package io.jnetstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgPlotTest {

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String allText(Document d) {
        return d.getDocumentElement().getTextContent();
    }

    private static SvgPlot twoPanels(String title) {
        double[] x = {0, 0.5, 1, 1.5, 2};
        SvgPlot.Panel top = new SvgPlot.Panel("KiB", List.of(
                new SvgPlot.Series("cwnd", "#1f77b4", x, new double[] {0, 10, 20, 10, 30}),
                new SvgPlot.Series("in flight", "#ff7f0e", x, new double[] {0, 5, 15, 5, 25})));
        SvgPlot.Panel bottom = new SvgPlot.Panel("Mbit/s", List.of(
                new SvgPlot.Series("goodput", "#2ca02c", x, new double[] {0, 40, 80, 90, 95})));
        return new SvgPlot(title, "time (s)", List.of(top, bottom));
    }

    @Test
    void render_isWellFormedSvg_withOnePolylinePerSeries_andEveryLabel() throws Exception {
        Document d = parse(twoPanels("a <b> & \"c\" run").render());
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        NodeList lines = d.getElementsByTagNameNS("*", "polyline");
        assertThat(lines.getLength()).isEqualTo(3);
        assertThat(lines.item(0).getAttributes().getNamedItem("points").getNodeValue().split(" ")).hasSize(5);
        assertThat(allText(d)).contains("a <b> & \"c\" run", "time (s)", "KiB", "Mbit/s", "cwnd", "in flight",
                "goodput");
    }

    @Test
    void axes_haveTickLabels_startingAtZero() throws Exception {
        Document d = parse(twoPanels("t").render());
        NodeList texts = d.getElementsByTagNameNS("*", "text");
        List<String> ticks = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            if ("tick".equals(texts.item(i).getAttributes().getNamedItem("class").getNodeValue())) {
                ticks.add(texts.item(i).getTextContent());
            }
        }
        assertThat(ticks).contains("0", "10", "30", "100", "0.0", "2.0");
    }

    @Test
    void downsample_keepsAtMostMaxPoints_andTheExtrema_inOrder() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.01;
            y[i] = 50 + 10 * Math.sin(i / 300.0) + rnd.nextDouble();
        }
        y[31_337] = 1000;
        y[77_777] = -5;
        double[][] d = SvgPlot.downsample(x, y, 2000);
        assertThat(d[0]).hasSameSizeAs(d[1]);
        assertThat(d[0].length).as("seed 7").isLessThanOrEqualTo(2000).isGreaterThan(1000);
        assertThat(Arrays.stream(d[1]).max().orElseThrow()).isEqualTo(1000);
        assertThat(Arrays.stream(d[1]).min().orElseThrow()).isEqualTo(-5);
        for (int i = 1; i < d[0].length; i++) {
            assertThat(d[0][i]).isGreaterThan(d[0][i - 1]);
        }
    }

    @Test
    void downsample_keepsEveryTooth_ofASawtooth() {
        int n = 50_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % 1000;
        }
        double[][] d = SvgPlot.downsample(x, y, 2000);
        long peaks = Arrays.stream(d[1]).filter(v -> v == 999).count();
        long troughs = Arrays.stream(d[1]).filter(v -> v == 0).count();
        assertThat(peaks).isEqualTo(50);
        assertThat(troughs).isEqualTo(50);
    }

    @Test
    void downsample_ofAShortSeries_isACopy() {
        double[] x = {1, 2, 3};
        double[] y = {4, 5, 6};
        double[][] d = SvgPlot.downsample(x, y, 2000);
        assertThat(d[0]).containsExactly(1, 2, 3);
        assertThat(d[1]).containsExactly(4, 5, 6).isNotSameAs(y);
    }

    @Test
    void emptySeries_stillRender() throws Exception {
        SvgPlot p = new SvgPlot("empty", "t", List.of(new SvgPlot.Panel("y",
                List.of(new SvgPlot.Series("none", "red", new double[0], new double[0])))));
        assertThat(parse(p.render()).getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(1);
    }

    @Test
    void mismatchedSeries_andNoPanels_areRejected() {
        assertThatThrownBy(() -> new SvgPlot.Series("s", "red", new double[2], new double[3]))
                .hasMessageContaining("2 x but 3 y");
        assertThatThrownBy(() -> new SvgPlot("t", "x", List.of())).hasMessageContaining("panel");
    }

    @Test
    void write_createsTheDirectory_andTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/plot.svg");
        twoPanels("t").write(f);
        assertThat(parse(java.nio.file.Files.readString(f)).getElementsByTagNameNS("*", "polyline").getLength())
                .isEqualTo(3);
    }
}
