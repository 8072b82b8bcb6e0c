package dev.shop.perf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The reports' charts, drawn by JFreeChart and written as PNG files beside the report that shows them. */
public final class Charts {

    private static final int WIDTH = 900;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Bars: for each category (outer key, in order) one bar per series (inner key). */
    public static void bars(Path file, String title, String categoryLabel, String valueLabel,
                            Map<String, ? extends Map<String, ? extends Number>> values, boolean horizontal, boolean logScale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((category, series) -> series.forEach((name, value) ->
                data.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
        }
        if (logScale) {
            LogarithmicAxis axis = new LogarithmicAxis(valueLabel);
            axis.setAllowNegativesFlag(false);
            axis.setStrictValuesFlag(false);
            plot.setRangeAxis(axis);
        }
        CategoryAxis axis = plot.getDomainAxis();
        if (!horizontal && values.size() > 6) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        int height = horizontal ? Math.max(360, 60 + values.size() * 22 * Math.max(1, data.getRowCount())) : 420;
        write(file, chart, height);
    }

    /** Lines: one per series, through its (x, y) points. */
    public static void lines(Path file, String title, String xLabel, String yLabel,
                             Map<String, List<double[]>> series, boolean logY) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries line = new XYSeries(name, false);
            points.forEach(p -> line.add(p[0], p[1]));
            data.addSeries(line);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        if (logY) {
            LogarithmicAxis axis = new LogarithmicAxis(yLabel);
            axis.setAllowNegativesFlag(false);
            axis.setStrictValuesFlag(false);
            plot.setRangeAxis(axis);
        }
        write(file, chart, 420);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
    }

    private static void write(Path file, JFreeChart chart, int height) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }
}
