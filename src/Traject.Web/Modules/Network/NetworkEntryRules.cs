
namespace Traject.Web.Modules.Network;

/// <summary>
/// The shape of a network entry per kind: which fields it needs, and the normal forms of its phone number, handle or
/// place, which become its identifiers. Pure code, no I/O.
/// </summary>
internal static class NetworkEntryRules
{
    /// <summary>Shape checks per kind; returns the content to protect and the identifiers to hash.</summary>
    public static (NetworkEntryContent? Content, IReadOnlyList<(IdentifierKind, string)> Keys) Validate(NetworkEntryRequest r, NetworkEntryKind? kind, DateOnly today, Validator v)
    {
        if (kind is null)
        {
            v.Add("kind", "This field is required.");
        }
        else if (!Enum.IsDefined(kind.Value))
        {
            v.Add("kind", "Unknown value.");
        }

        var source = v.Enum("source", r.Source);
        var knownOn = KnownOn(r.KnownOn, today, v);
        var note = v.OptionalText("note", r.Note, NetworkAnalysis.NoteMaxLength);
        var influence = r.Influence is null && kind != NetworkEntryKind.Person ? (NetworkInfluence?)null : v.Enum("influence", r.Influence);
        var keys = new List<(IdentifierKind, string)>();
        NetworkEntryContent? content = null;
        switch (kind)
        {
            case NetworkEntryKind.Person:
            {
                var name = v.Text("name", r.Name, NetworkAnalysis.NameMaxLength);
                var role = v.Enum("role", r.Role);
                var howKnown = v.OptionalText("howKnown", r.HowKnown, NetworkAnalysis.TextMaxLength);
                content = new NetworkEntryContent(name, role, influence, howKnown, null, null, null, null, null, null, source, knownOn, note);
                break;
            }

            case NetworkEntryKind.Place:
            {
                var name = v.Text("name", r.Name, NetworkAnalysis.NameMaxLength);
                var placeKind = v.Enum("placeKind", r.PlaceKind);
                var address = v.OptionalText("address", r.Address, 300);
                if (name.Length > 0 && NetworkNormalisation.Place(name) is { } normalName)
                {
                    keys.Add((IdentifierKind.PlaceName, NetworkNormalisation.PlaceKey(normalName)));
                }
                else if (name.Length > 0)
                {
                    v.Add("name", "Give a name with letters or digits.");
                }

                if (NetworkNormalisation.Place(address) is { } normalAddress)
                {
                    keys.Add((IdentifierKind.PlaceAddress, NetworkNormalisation.PlaceKey(normalAddress)));
                }

                content = new NetworkEntryContent(name, null, influence, null, placeKind, address, null, null, null, null, source, knownOn, note);
                break;
            }

            case NetworkEntryKind.OnlineAccount:
            {
                var platform = v.Enum("platform", r.Platform);
                var platformName = platform == Platform.Other ? v.Text("platformName", r.PlatformName, 100) : null;
                var handle = v.Text("handle", r.Handle, NetworkAnalysis.NameMaxLength);
                if (handle.Length > 0 && platform == Platform.WhatsApp)
                {
                    if (NetworkNormalisation.Phone(handle) is { } phone)
                    {
                        keys.Add((IdentifierKind.PhoneNumber, NetworkNormalisation.PhoneKey(phone)));
                    }
                    else
                    {
                        v.Add("handle", "A WhatsApp account is a phone number: give it with its leading 0, or with + or 00 and the country code.");
                    }
                }
                else if (handle.Length > 0 && r.Platform is not null)
                {
                    if (NetworkNormalisation.Handle(platform, handle) is { } normal)
                    {
                        keys.Add((IdentifierKind.OnlineHandle, NetworkNormalisation.HandleKey(platform, normal, platformName)));
                    }
                    else
                    {
                        v.Add("handle", "Not a handle this platform allows.");
                    }
                }

                content = new NetworkEntryContent(handle, null, influence, null, null, null, platform, platformName, handle, null, source, knownOn, note);
                break;
            }

            case NetworkEntryKind.PhoneNumber:
            {
                var number = v.Text("number", r.Number, 50);
                if (number.Length > 0 && NetworkNormalisation.Phone(number) is { } phone)
                {
                    keys.Add((IdentifierKind.PhoneNumber, NetworkNormalisation.PhoneKey(phone)));
                }
                else if (number.Length > 0)
                {
                    v.Add("number", "Not a phone number that can be read: give it with its leading 0, or with + or 00 and the country code.");
                }

                content = new NetworkEntryContent(number, null, influence, null, null, null, null, null, null, number, source, knownOn, note);
                break;
            }
        }

        return (content, keys);
    }

    public static DateOnly KnownOn(DateOnly? value, DateOnly today, Validator v)
    {
        var knownOn = v.Required("knownOn", value);
        if (value is not null && knownOn > today)
        {
            v.Add("knownOn", "The date cannot be in the future.");
        }

        return knownOn;
    }
}
