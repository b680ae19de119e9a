package dev.autouser.ui.users;

import dev.autouser.ui.support.FxExecutors;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.autouser.testsupport.FxSteps.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the first timeline arrives (the history is read in the background) the chart's time axis already
 * spans the chosen window: its labels read "4 d" … "now", not "now" on every tick.
 */
@ExtendWith(ApplicationExtension.class)
class ActivityChartFxTest {
    /** The background work is held, never run: no timeline ever arrives during the test. */
    private final List<Runnable> held = new ArrayList<>();
    private ActivityChart chart;

    @Start
    void start(Stage stage) {
        chart = new ActivityChart((from, to, points) -> List.of(), new FxExecutors(held::add, Runnable::run), false);
        stage.setScene(new Scene(chart, 420, 260));
        stage.show();
    }

    private List<String> tickLabels() {
        return onFx(() -> {
            chart.applyCss();
            chart.layout();
            // each tick as the axis writes it: its value through the axis's label formatter
            return chart.hoursAxis().getTickMarks().stream().map(Axis.TickMark::getValue)
                    .map(value -> chart.hoursAxis().getTickLabelFormatter().toString(value)).toList();
        });
    }

    @Test
    void theAxisSpansTheChosenWindowBeforeTheFirstTimelineArrives(FxRobot robot) {
        assertThat(tickLabels()).as("four days, a tick a day").containsExactly("4 d", "3 d", "2 d", "24 h", "now");

        ChoiceBox<Duration> span = robot.lookup("#activitySpan").queryAs(ChoiceBox.class);
        onFx(() -> span.setValue(Duration.ofDays(1)));
        assertThat(tickLabels()).containsExactly("24 h", "18 h", "12 h", "6 h", "now");
        assertThat(chart.series()).allSatisfy(series -> assertThat(series.getData()).isEmpty());
        assertThat(held).as("the loads were asked for, and are still pending").isNotEmpty();
    }
}
