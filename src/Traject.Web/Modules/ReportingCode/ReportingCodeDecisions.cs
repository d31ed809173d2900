using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.ReportingCode;

internal sealed record ReportingCodeAnswer(bool? Answer, string? Explanation);

internal sealed record RecordReportingCodeRequest(IReadOnlyList<ReportingCodeAnswer?>? Answers);

internal sealed record ReportingCodeView(
    Guid Id,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    IReadOnlyList<ReportingCodeAnswer> Answers,
    ReportingCodeOutcome Outcome);

/// <summary>
/// Records and shows weighings under the reporting code. The coordinator, the care team and the designated expert
/// record them; emergency access reads but does not decide. Recording one finishes the open reporting-code task.
/// </summary>
internal sealed class ReportingCodeDecisions(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks)
{
    public async Task<Result<IReadOnlyList<ReportingCodeView>>> ListAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        if ((await door.ReadAsync(actor, trajectoryId, ReportingCodeAuditActions.ReportingCodeRead, ct)).Error is { } refused)
        {
            return refused;
        }

        var rows = await db.ReportingCodeWeighings.AsNoTracking().Where(w => w.TrajectoryId == trajectoryId).ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.RecordedById), ct);
        return rows.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(r => new ReportingCodeView(r.Id, r.RecordedAt, people[r.RecordedById],
                r.Answers.TakeWhile(a => a.Answer is not null).Select(a => new ReportingCodeAnswer(a.Answer, a.Explanation)).ToList(), r.Outcome))
            .ToList();
    }

    public async Task<Result<ReportingCodeView>> RecordAsync(Actor actor, Guid trajectoryId, RecordReportingCodeRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, ReportingCodeAuditActions.ReportingCodeRecorded, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;

        var v = new Validator();
        var answers = request.Answers ?? [];
        if (answers.Count is 0 or > ReportingCodeFramework.Questions)
        {
            v.Add("answers", "Give the answers to the questions in order: at least one, at most {0}.", ReportingCodeFramework.Questions);
            return v.ToError();
        }

        var explanations = new string?[ReportingCodeFramework.Questions];
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i]?.Answer is not null)
            {
                explanations[i] = v.Text($"answers[{i}].explanation", answers[i]!.Explanation, ReportingCodeWeighing.ExplanationMaxLength);
            }
            else if (!string.IsNullOrWhiteSpace(answers[i]?.Explanation))
            {
                // An explanation without its answer would be dropped: say so instead of losing it.
                v.Add($"answers[{i}].answer", "Answer this question, or leave its explanation empty.");
            }
        }

        var (outcome, missing, superfluous) = ReportingCodeFramework.Decide(answers.Select(a => a?.Answer).ToList());
        if (missing is { } m)
        {
            v.Add($"answers[{m}].answer", "Answer this question: the previous answer does not end the weighing.");
        }

        if (superfluous is { } s)
        {
            v.Add($"answers[{s}].answer", "This question is not asked: the weighing ends at an earlier answer.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        bool? At(int i) => i < answers.Count ? answers[i]?.Answer : null;
        var now = time.GetUtcNow();
        var weighing = new ReportingCodeWeighing
        {
            TrajectoryId = dossier.Id, RecordedAt = now, RecordedById = actor.Id, Outcome = outcome!.Value,
            Suspicion = At(0)!.Value, SuspicionExplanation = explanations[0]!,
            Unsafety = At(1), UnsafetyExplanation = explanations[1],
            CanHelp = At(2), CanHelpExplanation = explanations[2],
            HelpAccepted = At(3), HelpAcceptedExplanation = explanations[3],
            HelpEffective = At(4), HelpEffectiveExplanation = explanations[4],
        };
        db.ReportingCodeWeighings.Add(weighing);
        var link = $"/trajectories/{dossier.Id}/reporting-code";
        timeline.Add(dossier.Id, actor, ReportingCodeTimelineKinds.ReportingCode, link, "Reporting-code weighing recorded: {0}", weighing.Outcome);
        dossier.Audit(ReportingCodeAuditActions.ReportingCodeRecorded, nameof(ReportingCodeWeighing), weighing.Id);

        await tasks.FinishFirstAsync(actor, dossier.Id, ReportingCodeTaskKinds.ReportingCodeDecision, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale(); // the task was finished at the same moment by someone else: nothing was saved
        }

        var me = await PersonRefs.LoadAsync(db, [actor.Id], ct);
        return new ReportingCodeView(weighing.Id, now, me[actor.Id],
            weighing.Answers.TakeWhile(a => a.Answer is not null).Select(a => new ReportingCodeAnswer(a.Answer, a.Explanation)).ToList(), weighing.Outcome);
    }
}
