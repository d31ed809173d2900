using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Notifications;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Screening.Pooling;

internal sealed record PooledSignalInput(string? Code, DateOnly? ObservedOn, SignalSource? Source, string? Note);

internal sealed record PoolSignalsRequest(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, IReadOnlyList<PooledSignalInput?>? Signals);

/// <summary>The one answer to every accepted pooling: the same whether she was known or not.</summary>
internal sealed record PoolingAnswer(string Status, string Receipt);

/// <summary>
/// Signal pooling: a professional outside the care team adds signals about a young person by name and date of birth.
/// They are filed to her open trajectory when exactly one known young person matches; otherwise a signalled
/// trajectory is opened for the signaller's organisation (for a new young person when none or several match), which
/// its designated expert picks up. The signaller never gains access, and the answer, its timing and her own lists
/// are the same either way, so pooling cannot be used to find out whether someone is known. See docs/adr/0010.
/// </summary>
internal sealed class SignalPooling(
    TrajectDb db, TimeProvider time, AuditLog audit, OpenTrajectory opener, Notifier notifier, IInstrumentStore instruments,
    IOptions<PoolingOptions> options, YoungPersonRegistry registry)
{
    public const int MaxSignals = 20;
    public const int MaxCodeLength = 64;
    public const string Received = "received";
    public const string PickUpNotification = "pooled-signal";
    public const string SuggestionNotification = "pooled-signal-suggestion";

    /// <summary>
    /// Care professionals of care organisations. Designated experts do not pool: a trajectory opened for their own
    /// organisation would be theirs to open, which would tell them she was not known.
    /// </summary>
    public static bool MayPool(Actor actor) =>
        actor.HasCareRole && Organisation.IsCareKind(actor.OrganisationKind) && !actor.IsInRole(Roles.DesignatedExpert);

    public async Task<Result<PoolingAnswer>> PoolAsync(Actor actor, PoolSignalsRequest request, CancellationToken ct)
    {
        var arrived = time.GetTimestamp();
        if (!MayPool(actor))
        {
            await audit.RecordAsync(actor, ScreeningAuditActions.SignalPooled, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden(
                "Signals are pooled by care professionals of youth-care, child-protection, mental-health and municipal organisations. Designated experts take pooled signals up instead.");
        }

        // Everything up to the match depends on the input and the signaller only, never on whether she is known.
        var today = time.Today();
        var instrument = await instruments.CurrentAsync(ct);
        var v = new Validator();
        var given = v.Text("givenName", request.GivenName, 100);
        var family = v.Text("familyName", request.FamilyName, 100);
        var dateOfBirth = PersonalDetails.ValidateDateOfBirth(request.DateOfBirth, v, today);
        var signals = Validate(request.Signals, instrument, request.DateOfBirth is null ? null : dateOfBirth, today, v);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var pickUp = await CareProfessionals.DesignatedExpertsAsync(db, actor.OrganisationId, ct);
        if (pickUp.Count == 0)
        {
            return Error.Conflict("Your organisation has no designated expert to take up pooled signals. Ask your administrator to name one.");
        }

        // From here both outcomes run the same queries in the same order (with Guid.Empty standing in for no match),
        // and differ only in how many rows the one final save inserts; the answer waits for the same minimum time.
        var bornThatDay = await db.YoungPeople.Where(y => y.DateOfBirth == dateOfBirth)
            .Select(y => new PersonMatch.Candidate(y.Id, y.GivenName, y.FamilyName)).ToListAsync(ct);
        var matchId = PersonMatch.Single(bornThatDay, given, family) ?? Guid.Empty;
        var person = await db.YoungPeople.SingleOrDefaultAsync(y => y.Id == matchId, ct);
        var open = await db.Trajectories.Where(t => t.YoungPersonId == matchId && t.Status != TrajectoryStatus.Closed)
            .OrderByDescending(t => t.OpenedAt).Select(t => new { t.Id, t.LeadOrganisationId, t.CoordinatorId }).FirstOrDefaultAsync(ct);
        var pseudonym = await registry.NewPseudonymAsync(ct);
        var known = await SignalPicture.KnownAsync(db, matchId, ct);
        var leadExperts = await CareProfessionals.DesignatedExpertsAsync(db, open?.LeadOrganisationId ?? actor.OrganisationId, ct);
        await instruments.MarkUsedAsync(instrument.Version, ct);

        var now = time.GetUtcNow();
        if (person is null)
        {
            person = registry.RegisterFromSignal(pseudonym, given, family, dateOfBirth, actor.OrganisationId);
            audit.Add(actor, TrajectoriesAuditActions.YoungPersonCreated, nameof(YoungPerson), person.Id, person.PseudonymCode);
        }

        Guid trajectoryId, coordinatorId;
        if (open is null)
        {
            // Nobody acts for her now: her own organisation's designated expert picks it up; the signaller does not join.
            var trajectory = opener.OpenForPickUp(actor, person, pickUp[0]);
            (trajectoryId, coordinatorId) = (trajectory.Id, trajectory.CoordinatorId);
            notifier.Notify(pickUp, PickUpNotification, Link(trajectoryId),
                "Pooled signal about {0}: a signalled trajectory for your organisation to pick up", person.PseudonymCode);
        }
        else
        {
            (trajectoryId, coordinatorId) = (open.Id, open.CoordinatorId);
        }

        var receipt = PoolingReceipt.New();
        foreach (var s in signals)
        {
            db.PooledSignals.Add(new PooledSignal
            {
                Receipt = receipt, YoungPersonId = person.Id, TrajectoryId = trajectoryId, Code = s.Code!,
                InstrumentVersion = instrument.Version, ObservedOn = s.ObservedOn!.Value, Source = s.Source!.Value, Note = s.Note,
                ReceivedAt = now, SignalledById = actor.Id, SignalledByOrganisationId = actor.OrganisationId,
            });
        }

        var before = SignalPicture.Suggest(instrument, dateOfBirth, known);
        var after = SignalPicture.Suggest(instrument, dateOfBirth, [.. known, .. signals.Select(s => new ObservedSignal(s.Code!, s.ObservedOn!.Value))]);
        if (after != before)
        {
            notifier.Notify(leadExperts.Prepend(coordinatorId), SuggestionNotification, Link(trajectoryId),
                "Pooled signal about {0}: the suggested classification changed from {1} to {2}", person.PseudonymCode, before, after);
        }

        audit.Add(actor, ScreeningAuditActions.SignalPooled, nameof(YoungPerson), person.Id, person.PseudonymCode);
        await db.SaveChangesAsync(ct);
        var wait = options.Value.MinimumAnswerTime - time.GetElapsedTime(arrived);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }

        return new PoolingAnswer(Received, receipt);
    }

    private static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/pooled-signals";

    /// <summary>Shape checks of the signals: each a code of the current instrument, a date observed, a source and an optional note.</summary>
    private static List<PooledSignalInput> Validate(IReadOnlyList<PooledSignalInput?>? signals, Instrument instrument, DateOnly? dateOfBirth, DateOnly today, Validator v)
    {
        if (signals is not { Count: > 0 and <= MaxSignals })
        {
            v.Add("signals", "Give at least one signal and at most {0}.", MaxSignals);
            return [];
        }

        var valid = new List<PooledSignalInput>(signals.Count);
        for (var i = 0; i < signals.Count; i++)
        {
            var s = signals[i];
            var code = v.Text($"signals[{i}].code", s?.Code, MaxCodeLength);
            if (code.Length > 0 && instrument.Find(code) is null)
            {
                v.Add($"signals[{i}].code", "This signal is not in the current list of signals.");
            }

            var observedOn = v.Required($"signals[{i}].observedOn", s?.ObservedOn);
            if (s?.ObservedOn is not null && observedOn > today)
            {
                v.Add($"signals[{i}].observedOn", "The date observed cannot be in the future.");
            }
            else if (s?.ObservedOn is not null && observedOn < dateOfBirth)
            {
                v.Add($"signals[{i}].observedOn", "The date observed cannot be before her date of birth.");
            }

            var source = v.Enum($"signals[{i}].source", s?.Source);
            var note = v.OptionalText($"signals[{i}].note", s?.Note, PooledSignal.NoteMaxLength);
            valid.Add(new PooledSignalInput(code, observedOn, source, note));
        }

        return valid;
    }
}
