using System.Reflection;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>
/// A behaviour report crosses silos as bytes (BehaviourReport.ToBytes): every field of every role's tally must come back, including
/// fields added later, or a cluster would see what one process does not.
/// </summary>
public sealed class BehaviourReportBytesTests
{
    private static readonly FieldInfo[] TallyFields = typeof(BehaviourTally).GetFields(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void EveryFieldOfEveryRoleRoundTrips()
    {
        var report = BehaviourReport.Empty() with { Slashed = 7, BondHeld = 11 };
        var next = 100;
        for (var r = 0; r < report.ByRole.Length; r++)
        {
            object tally = report.ByRole[r];
            foreach (var field in TallyFields) field.SetValue(tally, Distinct(field.FieldType, next++));
            report.ByRole[r] = (BehaviourTally)tally;
            report.UnitsByRole[r] = next++;
        }

        var back = BehaviourReport.FromBytes(report.ToBytes());

        Assert.Equal((7L, 11L), (back.Slashed, back.BondHeld));
        Assert.Equal(report.UnitsByRole, back.UnitsByRole);
        for (var r = 0; r < report.ByRole.Length; r++)
            foreach (var field in TallyFields)
                Assert.True(Equals(field.GetValue(report.ByRole[r]), field.GetValue(back.ByRole[r])), $"role {r}: {field.Name} is lost");
    }

    private static object Distinct(Type type, int value) =>
        type == typeof(int) ? value
        : type == typeof(long) ? (long)value * 1_000_003
        : type == typeof(ExactSum) ? new ExactSum((Int128)value << 70)
        : throw new InvalidOperationException($"a tally field of type {type.Name}: teach this test (and ToBytes) about it");
}
