namespace Traject.Web.Common;

/// <summary>
/// A value that is not an enum but is labelled like one: its texts hold <see cref="LabelKey"/> (<c>Type.Value</c>), and a
/// stored message (<see cref="Text.Encode"/>) keeps the key, so the reader sees the label in her own language.
/// </summary>
internal interface ILabelled
{
    /// <summary>The key of the label in the texts, <c>Type.Value</c>.</summary>
    string LabelKey { get; }
}
