package io.trackctl.cli;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trackctl jobs list|retry}: the background job queue. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "The background job queue.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Retry.class})
public final class JobsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
    static final class ListJobs extends DataCommand {
        @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
        JobStatus status;
        @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: ${COMPLETION-CANDIDATES}.")
        JobKind kind;
        @Option(names = "--tracking", paramLabel = "ID", description = "Only jobs of this tracking number.")
        Long trackingId;
        @Option(names = "--shop", paramLabel = "ID", description = "Only jobs of this shop's numbers.")
        Long shopId;
        @Mixin
        Paging paging;

        @Override
        public Integer call() {
            try (Workspace ws = open()) {
                SyncJobQuery q = new SyncJobQuery(trackingId, status, kind, shopId);
                Paging.Result<SyncJob> r = paging.fetch(p -> ws.engine().queue().listJobs(q, p));
                r.print(printer(), Records::job, Records.JOB_COLUMNS);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Put failed jobs back in the queue with a fresh attempt budget.")
    static final class Retry extends DataCommand {
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Job ids.")
        List<Long> ids = new ArrayList<>();
        @Option(names = "--all-failed", description = "Every failed job.")
        boolean allFailed;

        @Override
        public Integer call() {
            if (ids.isEmpty() && !allFailed) {
                throw new IllegalArgumentException("name job ids or give --all-failed");
            }
            try (Workspace ws = open()) {
                var queue = ws.engine().queue();
                List<Long> wanted = new ArrayList<>(ids);
                for (Long id : ids) {
                    if (queue.findJob(id).isEmpty()) {
                        throw new CliException(ExitCodes.NOT_FOUND, "no job " + id, null);
                    }
                }
                if (allFailed) {
                    Paging all = new Paging();
                    all.all = true;
                    all.fetch(p -> queue.listJobs(new SyncJobQuery(null, JobStatus.FAILED, null, null), p))
                            .items().forEach(j -> wanted.add(j.id()));
                }
                int requeued = wanted.isEmpty() ? 0 : queue.requeue(wanted);
                if (requeued > 0) {
                    queue.signal();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("requeued", requeued);
                m.put("notFailed", wanted.size() - requeued);
                printer().object(m);
                return ExitCodes.OK;
            }
        }
    }
}
