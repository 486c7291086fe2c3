package se.planpuls.scheduler;

import java.util.concurrent.ExecutionException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** The thin Quartz job: runs its task and waits for it, so Quartz sees failures. */
@DisallowConcurrentExecution
final class TaskJob implements Job {
    private final TaskRunner runner;

    TaskJob(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            runner.run().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException(e);
        } catch (ExecutionException e) {
            throw new JobExecutionException(e.getCause());
        }
    }
}
