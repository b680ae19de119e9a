package dev.autouser.ui.users;

import atlantafx.base.theme.Styles;
import dev.autouser.core.history.StateCounts;
import dev.autouser.ui.support.FxExecutors;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Active, not-cleaned-up and locked users over the last day, four days or thirty, from the usage
 * history: people would rather look than read here. Reloaded in the background at most once a
 * minute (a 30-day history of 10,000 users is a million changes to replay).
 */
public final class ActivityChart extends VBox {
    /** Reads the counts from the history: {@code (from, to, points)}. */
    @FunctionalInterface
    public interface Source {
        List<StateCounts> timeline(Instant from, Instant to, int points);
    }

    private static final int POINTS = 49;
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final Source source;
    private final FxExecutors executors;
    private final ChoiceBox<Duration> span = new ChoiceBox<>(FXCollections.observableArrayList(
            Duration.ofDays(1), Duration.ofDays(4), Duration.ofDays(30)));
    private final NumberAxis hours = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(hours, new NumberAxis());
    private final XYChart.Series<Number, Number> active = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> notCleanedUp = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> locked = new XYChart.Series<>();
    private Instant loadedAt = Instant.EPOCH;

    /** @param demo true when the history was seeded by the demo: the title says so */
    public ActivityChart(Source source, FxExecutors executors, boolean demo) {
        this.source = source;
        this.executors = executors;
        setId("activityChart");
        getStyleClass().add("activity-chart");
        // "(demo history)" used to follow the title and was cut to "Over time (demo…" next to the span choice.
        Label title = new Label("Over time");
        title.setId("activityTitle");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "detail-section");
        span.setId("activitySpan");
        span.setValue(Duration.ofDays(4));
        span.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration value) {
                return value == null ? "" : value.toDays() == 1 ? "24 h" : value.toDays() + " days";
            }

            @Override
            public Duration fromString(String text) {
                return null;
            }
        });
        span.valueProperty().addListener((obs, was, now) -> {
            bounds(now);
            reload(Instant.now(), true);
        });
        // The legend as the states' own coloured words: the chart's legend would take a third of its height.
        HBox header = new HBox(8, title, span);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox legend = new HBox(10, legend("Active", "state-active"), legend("Not cleaned up", "state-not-cleaned-up"),
                legend("Locked", "state-locked"));
        active.setName("Active");
        notCleanedUp.setName("Not cleaned up");
        locked.setName("Locked");
        chart.getData().setAll(List.of(active, notCleanedUp, locked));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(140);
        hours.setForceZeroInRange(false);
        hours.setAutoRanging(false);
        // The span's axis from the start: NumberAxis's own 0..100 would label every tick "now" until the first load.
        bounds(span.getValue());
        hours.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double h = -value.doubleValue();
                return h < 0.5 ? "now" : h >= 48 ? Math.round(h / 24) + " d" : Math.round(h) + " h";
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().setAll(header, legend, chart);
        if (demo) {
            Label note = new Label("Seeded demo history");
            note.setId("activityDemoNote");
            note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            getChildren().add(1, note);
        }
        setSpacing(4);
    }

    private static Label legend(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClass, Styles.TEXT_SMALL);
        return label;
    }

    /** After a listing: reloads when a minute has passed since the last load (or {@code force}). */
    public void reload(Instant now, boolean force) {
        if (!force && Duration.between(loadedAt, now).compareTo(MIN_INTERVAL) < 0) {
            return;
        }
        loadedAt = now;
        Duration window = span.getValue();
        Instant from = now.minus(window);
        CompletableFuture.supplyAsync(() -> source.timeline(from, now, POINTS), executors.background())
                .whenCompleteAsync((counts, failure) -> {
                    if (failure == null) {
                        show(counts, now, window);
                    }
                }, executors.fx());
    }

    private void show(List<StateCounts> counts, Instant now, Duration window) {
        bounds(window);
        active.getData().setAll(points(counts, now, StateCounts::active));
        notCleanedUp.getData().setAll(points(counts, now, StateCounts::notCleanedUp));
        locked.getData().setAll(points(counts, now, StateCounts::locked));
    }

    private static List<XYChart.Data<Number, Number>> points(List<StateCounts> counts, Instant now,
                                                           java.util.function.ToIntFunction<StateCounts> value) {
        return counts.stream().map(c -> new XYChart.Data<Number, Number>(
                -Duration.between(c.at(), now).toMinutes() / 60.0, value.applyAsInt(c))).toList();
    }

    /** The hours axis for {@code window}: from {@code -hours} to 0 ("now"), ticks every 6 h, day or 5 days. */
    private void bounds(Duration window) {
        double hoursBack = window.toHours();
        hours.setLowerBound(-hoursBack);
        hours.setUpperBound(0);
        hours.setTickUnit(hoursBack <= 24 ? 6 : hoursBack <= 96 ? 24 : 24 * 5);
    }

    /** The time axis (tests). */
    NumberAxis hoursAxis() {
        return hours;
    }

    /** The series as shown (tests). */
    List<XYChart.Series<Number, Number>> series() {
        return List.of(active, notCleanedUp, locked);
    }
}
