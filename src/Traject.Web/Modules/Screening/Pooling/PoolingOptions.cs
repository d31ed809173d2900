using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.Screening.Pooling;

/// <summary>The <c>Pooling</c> configuration section.</summary>
internal sealed class PoolingOptions
{
    public const string Section = "Pooling";

    /// <summary>
    /// An accepted pooling is answered no sooner than this after it arrived, so the answer does not come measurably
    /// later when a new young person had to be created. Keep it above the slowest normal pooling.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MinimumAnswerTime { get; set; } = TimeSpan.FromSeconds(1);
}
