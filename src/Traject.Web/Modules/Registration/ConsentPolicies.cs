using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Registration;

internal sealed record ConsentRuleInput(int? FromAge, ConsentRequirement? Requirement);

internal sealed record ChangeConsentPolicyRequest(IReadOnlyList<ConsentRuleInput?>? Rules, long? Version);

internal sealed record ConsentPolicyView(IReadOnlyList<ConsentRule> Rules, long Version, DateTimeOffset? ChangedAt);

/// <summary>The consent policy table: everyone signed in reads it, administrators change it.</summary>
internal sealed class ConsentPolicies(TrajectDb db, TimeProvider time, AuditLog audit)
{
    public async Task<IReadOnlyList<ConsentRule>> RulesAsync(CancellationToken ct) =>
        ConsentRules.Parse(await db.ConsentPolicies.AsNoTracking().Where(p => p.Id == ConsentPolicy.SingletonId).Select(p => p.Rules).SingleOrDefaultAsync(ct));

    public async Task<ConsentPolicyView> GetAsync(CancellationToken ct)
    {
        var row = await db.ConsentPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ConsentPolicy.SingletonId, ct);
        return row is null ? new ConsentPolicyView(ConsentRules.Default, 0, null) : new ConsentPolicyView(ConsentRules.Parse(row.Rules), row.Version, row.ChangedAt);
    }

    /// <summary>Replaces the table. The version is that of the table read (0 while the default applies).</summary>
    public async Task<Result<ConsentPolicyView>> ChangeAsync(Actor actor, ChangeConsentPolicyRequest request, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            await audit.RecordAsync(actor, RegistrationAuditActions.ConsentPolicyChanged, nameof(ConsentPolicy), ConsentPolicy.SingletonId, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.Forbidden("Only administrators can change the consent policy.");
        }

        var v = new Validator();
        var version = v.Required("version", request.Version);
        var rules = request.Rules?.Select(r => r is null ? null : new ConsentRule(r.FromAge ?? -1, r.Requirement ?? (ConsentRequirement)(-1))).ToList();
        ConsentRules.Validate(rules, v);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var row = await db.ConsentPolicies.SingleOrDefaultAsync(p => p.Id == ConsentPolicy.SingletonId, ct);
        if ((row?.Version ?? 0) != version)
        {
            return Error.Stale();
        }

        if (row is null)
        {
            row = new ConsentPolicy();
            db.ConsentPolicies.Add(row);
        }

        row.Rules = ConsentRules.Format(rules!.Select(r => r!));
        row.ChangedAt = time.GetUtcNow();
        row.ChangedById = actor.Id;
        audit.Add(actor, RegistrationAuditActions.ConsentPolicyChanged, nameof(ConsentPolicy), row.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Stale(); // changed, or first saved, by someone else at the same moment
        }

        return new ConsentPolicyView(ConsentRules.Parse(row.Rules), row.Version, row.ChangedAt);
    }
}
