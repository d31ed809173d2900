using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Modules.Registration;

internal sealed record RecordDecisionRequest(
    RegistrationOutcome? Outcome,
    VictimStatus? VictimStatus,
    IReadOnlyList<ExploitationForm>? Forms,
    string? OtherForm,
    DateOnly? DecidedOn,
    Guid? ConsentId,
    string? DateOfBirthOnlyReason,
    NonNotificationReason? NonNotificationReason,
    string? Argument,
    Guid? Supersedes);

internal sealed record RecordConsentRequest(DateOnly? GivenOn, bool? YoungPersonConsented, bool? ParentOrGuardianConsented,
    string? ParentOrGuardianName, ConsentForm? Form);

internal sealed record WithdrawConsentRequest(DateOnly? WithdrawnOn, long? Version);

internal sealed record NotificationSummary(Guid Id, NotificationKind Kind, DateTimeOffset CreatedAt, bool Exported, bool Cancelled);

internal sealed record DecisionView(
    Guid Id,
    int Sequence,
    Guid OrganisationId,
    string Organisation,
    DateOnly DecidedOn,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    RegistrationOutcome Outcome,
    VictimStatus VictimStatus,
    IReadOnlyList<ExploitationForm> Forms,
    string? OtherForm,
    Guid? ConsentId,
    string? DateOfBirthOnlyReason,
    NonNotificationReason? NonNotificationReason,
    string? Argument,
    DateTimeOffset? SupersededAt,
    NotificationSummary? Notification);

internal sealed record ConsentView(
    Guid Id,
    DateOnly GivenOn,
    int AgeOnConsentDate,
    ConsentRequirement Requirement,
    bool YoungPersonConsented,
    bool ParentOrGuardianConsented,
    string? ParentOrGuardianName,
    ConsentForm Form,
    DateTimeOffset RecordedAt,
    PersonRef RecordedBy,
    DateOnly? WithdrawnOn,
    long Version);

internal sealed record RegistrationView(
    Guid TrajectoryId,
    DateOnly? DueOn,
    bool Overdue,
    DecisionView? Current,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ConsentView> Consents,
    int AgeToday,
    ConsentRequirement ConsentRequirementToday,
    Classification? FinalClassification,
    bool MayNotify,
    bool ParentMayBeInvolved,
    bool ByNamePossible,
    bool CanDecide);

/// <summary>
/// The registration decision of a trajectory ("registration unless"), with the consent it may rest on. Everyone in the
/// dossier reads it and records decisions and consent; emergency access only reads. A decision that notifies needs a
/// final weighed classification of suspected or acute (<see cref="RegistrationRules.NotificationRefusal"/>) and creates
/// the national notification in the same transaction. Where the consent policy asks her parents, a parent who may be
/// involved in the exploitation (the problem analysis' warning) or parents who refuse lead to a notification by date of
/// birth only (<see cref="RegistrationRules.ConsentRefusal"/>). Decisions belong to the trajectory, so after a hand-over the
/// receiving organisation sees them with their reasons and the organisation that decided.
/// </summary>
internal sealed class Registrations(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks,
    ConsentPolicies policies, NationalNotifications notifications, ProblemAnalyses analyses)
{
    private static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/registration";

    public async Task<Result<RegistrationView>> GetAsync(Actor actor, Guid trajectoryId, CancellationToken ct)
    {
        var read = await door.ReadAsync(actor, trajectoryId, RegistrationAuditActions.RegistrationRead, ct);
        return read.Error is { } refused ? refused : await ViewAsync(read.Value, ct);
    }

    public async Task<Result<RegistrationView>> DecideAsync(Actor actor, Guid trajectoryId, RecordDecisionRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, RegistrationAuditActions.RegistrationDecided, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var today = time.Today();
        var v = new Validator();
        var outcome = v.Enum("outcome", request.Outcome);
        var status = v.Enum("victimStatus", request.VictimStatus);
        var forms = RegistrationRules.Forms(request.Forms, v);
        var otherForm = forms.Contains(ExploitationForm.Other)
            ? v.Text("otherForm", request.OtherForm, RegistrationDecision.OtherFormMaxLength)
            : null;
        var decidedOn = request.DecidedOn ?? today;
        if (decidedOn > today)
        {
            v.Add("decidedOn", "The decision date cannot be in the future.");
        }
        else if (decidedOn < t.StartedOn)
        {
            v.Add("decidedOn", "The decision date cannot be before the trajectory started.");
        }

        string? dobReason = null;
        NonNotificationReason? reason = null;
        string? argument = null;
        Guid? consentId = null;
        if (request.Outcome == RegistrationOutcome.NotifyByName)
        {
            consentId = v.Id("consentId", request.ConsentId);
        }
        else if (request.Outcome == RegistrationOutcome.NotifyDateOfBirthOnly)
        {
            dobReason = v.Text("dateOfBirthOnlyReason", request.DateOfBirthOnlyReason, RegistrationDecision.ReasonMaxLength);
        }
        else if (request.Outcome == RegistrationOutcome.DoNotNotify)
        {
            reason = v.Enum("nonNotificationReason", request.NonNotificationReason);
            argument = v.Text("argument", request.Argument, RegistrationDecision.ArgumentMaxLength, minLength: RegistrationDecision.ArgumentMinLength);
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        if (outcome != RegistrationOutcome.DoNotNotify
            && RegistrationRules.NotificationRefusal(await ScreeningFacts.LatestFinalClassificationAsync(db, t.Id, ct)) is { } notSuspected)
        {
            return notSuspected;
        }

        var requirement = ConsentRules.RequirementFor(await policies.RulesAsync(ct), ConsentRules.AgeOn(t.YoungPerson!.DateOfBirth, decidedOn));
        if (RegistrationRules.ConsentRefusal(outcome, reason, requirement, (await analyses.WarningAsync(t.Id, ct)).MayBeInvolved) is { } parents)
        {
            return parents;
        }

        var current = await db.RegistrationDecisions.Where(d => d.TrajectoryId == t.Id && d.SupersededAt == null).SingleOrDefaultAsync(ct);
        if (current?.Id != request.Supersedes)
        {
            return Error.Stale();
        }

        RegistrationConsent? consent = null;
        if (consentId is { } cid)
        {
            consent = await db.RegistrationConsents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid && c.TrajectoryId == t.Id, ct);
            if (consent is null)
            {
                return Error.Invalid("consentId", "Unknown consent.");
            }

            if (consent.IsWithdrawn)
            {
                return Error.Conflict("This consent was withdrawn: no further notifications by name.");
            }
        }

        var now = time.GetUtcNow();
        var decision = new RegistrationDecision
        {
            TrajectoryId = t.Id, YoungPersonId = t.YoungPersonId, OrganisationId = t.LeadOrganisationId,
            Sequence = (current?.Sequence ?? 0) + 1, DecidedOn = decidedOn, RecordedAt = now, RecordedById = actor.Id,
            Outcome = outcome, VictimStatus = status, Forms = RegistrationRules.FormatForms(forms), OtherForm = otherForm,
            ConsentId = consentId, DateOfBirthOnlyReason = dobReason, NonNotificationReason = reason, Argument = argument,
        };
        db.RegistrationDecisions.Add(decision);
        if (current is not null)
        {
            current.SupersededAt = now;
            current.SupersededById = decision.Id;
        }

        if (outcome != RegistrationOutcome.DoNotNotify)
        {
            await notifications.AddAsync(decision, t.YoungPerson!, ct);
        }

        await tasks.FinishAllAsync(actor, t.Id, RegistrationTaskKinds.RegistrationDecision, ct);

        timeline.Add(t.Id, actor, RegistrationTimelineKinds.RegistrationDecided, Link(t.Id), "Registration decision: {0}", outcome);
        dossier.Audit(RegistrationAuditActions.RegistrationDecided, nameof(RegistrationDecision), decision.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another decision (same sequence number) or a change to a task was saved at the same moment.
            return Error.Stale();
        }

        db.ChangeTracker.Clear();
        return await ViewAsync(dossier, ct);
    }

    public async Task<Result<RegistrationView>> RecordConsentAsync(Actor actor, Guid trajectoryId, RecordConsentRequest request, CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, RegistrationAuditActions.ConsentRecorded, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;

        var today = time.Today();
        var dob = t.YoungPerson!.DateOfBirth;
        var v = new Validator();
        var givenOn = v.Required("givenOn", request.GivenOn);
        if (request.GivenOn is not null && givenOn > today)
        {
            v.Add("givenOn", "The consent date cannot be in the future.");
        }
        else if (request.GivenOn is not null && givenOn < dob)
        {
            v.Add("givenOn", "The consent date cannot be before her date of birth.");
        }

        var form = v.Enum("form", request.Form);
        var youngPerson = request.YoungPersonConsented ?? false;
        var parent = request.ParentOrGuardianConsented ?? false;
        var parentName = parent ? v.Text("parentOrGuardianName", request.ParentOrGuardianName, RegistrationConsent.NameMaxLength) : null;
        var rules = await policies.RulesAsync(ct);
        var age = ConsentRules.AgeOn(dob, givenOn);
        var requirement = ConsentRules.RequirementFor(rules, age);
        if (request.GivenOn is not null && requirement != ConsentRequirement.YoungPerson && !parent)
        {
            v.Add("parentOrGuardianConsented", "At age {0} on the consent date, consent is needed from: {1}.", age, requirement);
        }

        if (request.GivenOn is not null && requirement != ConsentRequirement.ParentOrGuardian && !youngPerson)
        {
            v.Add("youngPersonConsented", "At age {0} on the consent date, consent is needed from: {1}.", age, requirement);
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (dossier.IsClosed)
        {
            return DossierDoor.Closed;
        }

        var consent = new RegistrationConsent
        {
            TrajectoryId = t.Id, YoungPersonId = t.YoungPersonId, GivenOn = givenOn, AgeOnConsentDate = age, Requirement = requirement,
            YoungPersonConsented = youngPerson, ParentOrGuardianConsented = parent, ParentOrGuardianName = parentName, Form = form,
            RecordedAt = time.GetUtcNow(), RecordedById = actor.Id,
        };
        db.RegistrationConsents.Add(consent);
        timeline.Add(t.Id, actor, RegistrationTimelineKinds.RegistrationConsent, Link(t.Id), "Consent to notify by name recorded ({0})", requirement);
        dossier.Audit(RegistrationAuditActions.ConsentRecorded, nameof(RegistrationConsent), consent.Id);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await ViewAsync(dossier, ct);
    }

    /// <summary>
    /// Withdraws consent: notifications by name resting on it that were not exported yet are cancelled, and no later
    /// decision may rest on it.
    /// </summary>
    public async Task<Result<RegistrationView>> WithdrawConsentAsync(Actor actor, Guid trajectoryId, Guid consentId, WithdrawConsentRequest request,
        CancellationToken ct)
    {
        var opened = await door.OpenAsync(actor, trajectoryId, DossierOperation.Record, RegistrationAuditActions.ConsentWithdrawn, ct,
            about: new AuditObject(nameof(RegistrationConsent), consentId));
        if (opened.Error is { } refused)
        {
            return refused;
        }

        var dossier = opened.Value;
        var t = dossier.Trajectory;
        var consent = await db.RegistrationConsents.SingleOrDefaultAsync(c => c.Id == consentId && c.TrajectoryId == trajectoryId, ct);
        if (consent is null)
        {
            return Error.NotFound();
        }

        var today = time.Today();
        var v = new Validator();
        var version = v.Required("version", request.Version);
        var withdrawnOn = request.WithdrawnOn ?? today;
        if (withdrawnOn > today)
        {
            v.Add("withdrawnOn", "The withdrawal date cannot be in the future.");
        }
        else if (withdrawnOn < consent.GivenOn)
        {
            v.Add("withdrawnOn", "The withdrawal date cannot be before the consent was given.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (consent.Version != version)
        {
            return Error.Stale();
        }

        if (consent.IsWithdrawn)
        {
            return Error.Conflict("This consent was already withdrawn.");
        }

        var now = time.GetUtcNow();
        consent.WithdrawnOn = withdrawnOn;
        consent.WithdrawnAt = now;
        consent.WithdrawnById = actor.Id;
        var cancelled = await notifications.CancelByNameAsync(consent.Id, now, ct);
        timeline.Add(t.Id, actor, RegistrationTimelineKinds.RegistrationConsent, Link(t.Id),
            "Consent to notify by name withdrawn; {0} notifications not yet exported are cancelled", cancelled);
        dossier.Audit(RegistrationAuditActions.ConsentWithdrawn, nameof(RegistrationConsent), consent.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        db.ChangeTracker.Clear();
        return await ViewAsync(dossier, ct);
    }

    private async Task<RegistrationView> ViewAsync(Dossier dossier, CancellationToken ct)
    {
        var t = dossier.Trajectory;
        var today = time.Today();
        var decisions = await db.RegistrationDecisions.AsNoTracking().Where(d => d.TrajectoryId == t.Id)
            .OrderByDescending(d => d.Sequence).ToListAsync(ct);
        var consents = await db.RegistrationConsents.AsNoTracking().Where(c => c.TrajectoryId == t.Id)
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id).ToList();
        var notified = await db.NationalNotifications.AsNoTracking().Where(n => ids.Contains(n.DecisionId))
            .Select(n => new { n.DecisionId, Summary = new NotificationSummary(n.Id, n.Kind, n.CreatedAt, n.ExportBatchId != null, n.CancelledAt != null) })
            .ToDictionaryAsync(n => n.DecisionId, n => n.Summary, ct);
        var orgIds = decisions.Select(d => d.OrganisationId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var people = await PersonRefs.LoadAsync(db, decisions.Select(d => d.RecordedById).Concat(consents.Select(c => c.RecordedById)), ct);
        var due = await db.CareTasks.AsNoTracking()
            .Where(x => x.TrajectoryId == t.Id && x.Kind == RegistrationTaskKinds.RegistrationDecision && x.CompletedAt == null)
            .OrderBy(x => x.DueOn).Select(x => (DateOnly?)x.DueOn).FirstOrDefaultAsync(ct);
        var views = decisions.Select(d => new DecisionView(d.Id, d.Sequence, d.OrganisationId, orgs[d.OrganisationId], d.DecidedOn, d.RecordedAt,
            people[d.RecordedById], d.Outcome, d.VictimStatus, RegistrationRules.ParseForms(d.Forms), d.OtherForm, d.ConsentId,
            d.DateOfBirthOnlyReason, d.NonNotificationReason, d.Argument, d.SupersededAt, notified.GetValueOrDefault(d.Id))).ToList();
        var age = t.YoungPerson!.AgeOn(today);
        var final = await ScreeningFacts.LatestFinalClassificationAsync(db, t.Id, ct);
        var requirement = ConsentRules.RequirementFor(await policies.RulesAsync(ct), age);
        var involved = (await analyses.WarningAsync(t.Id, ct)).MayBeInvolved;
        return new RegistrationView(t.Id, due, due < today, views.FirstOrDefault(d => d.SupersededAt is null), views,
            consents.Select(c => new ConsentView(c.Id, c.GivenOn, c.AgeOnConsentDate, c.Requirement, c.YoungPersonConsented,
                c.ParentOrGuardianConsented, c.ParentOrGuardianName, c.Form, c.RecordedAt, people[c.RecordedById], c.WithdrawnOn, c.Version)).ToList(),
            age, requirement, final, RegistrationRules.MayNotify(final), involved, RegistrationRules.ByNamePossible(requirement, involved),
            dossier.Basis != AccessBasis.Emergency && !dossier.IsClosed);
    }
}
