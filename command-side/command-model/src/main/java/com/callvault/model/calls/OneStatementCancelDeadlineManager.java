package com.callvault.model.calls;

import javax.sql.DataSource;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's db-scheduler deadline manager, cancelling with one statement. db-scheduler cancels by reading the whole
 * execution (its serialized deadline included) and then deleting it by version: two statements, the read the dearer,
 * for every ring timeout a call's answer cancels and every connect timeout its connection cancels. Here a cancel is a
 * single {@code DELETE} of the execution if it is not being executed, in the command's transaction like every
 * deadline change. One that is executing is left alone rather than failing the command, as db-scheduler would: its
 * handler finds the call moved on and does nothing (every deadline handler of {@link Call} checks that).
 */
final class OneStatementCancelDeadlineManager extends DbSchedulerDeadlineManager {

    static final String CANCEL = "DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND NOT picked";

    private final JdbcTemplate jdbc;

    OneStatementCancelDeadlineManager(Builder builder, DataSource dataSource) {
        super(builder);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        DbSchedulerDeadlineToken execution = new DbSchedulerDeadlineToken(scheduleId);
        runOnPrepareCommitOrNow(() -> jdbc.update(CANCEL, execution.getTaskName(), execution.getId()));
    }
}
