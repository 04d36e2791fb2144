-- Durable deadlines (ring timeout, connect timeout, reconnect grace): db-scheduler 16.12.0's table, exactly as
-- its official PostgreSQL schema (db-scheduler/src/test/resources/postgresql_tables.sql at v16.12.0), which
-- Axon's DbSchedulerDeadlineManager writes through the Scheduler built in DeadlineSchedulerConfiguration.
-- Pending deadlines: SELECT task_instance, execution_time, picked, picked_by FROM scheduled_tasks;

create table scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked BOOLEAN not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures INT,
  last_heartbeat timestamp with time zone,
  version BIGINT not null,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
