namespace TokenEconSim.Domain.Agents;

/// <summary>The five participant roles (docs/model.md §2). The numeric order is the agent-id layout order.</summary>
public enum Role { DataProvider = 0, Trainer = 1, ServiceUser = 2, Validator = 3, Miner = 4 }

public static class Roles
{
    public const int Count = 5;
    public static readonly Role[] All = [Role.DataProvider, Role.Trainer, Role.ServiceUser, Role.Validator, Role.Miner];

    /// <summary>snake_case names used in metrics columns and charts.</summary>
    public static string Key(this Role role) => role switch
    {
        Role.DataProvider => "provider",
        Role.Trainer => "trainer",
        Role.ServiceUser => "user",
        Role.Validator => "validator",
        Role.Miner => "miner",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The role's section key in scenario files, under <c>populations</c> and <c>behaviour</c>.</summary>
    public static string SectionKey(this Role role) => role switch
    {
        Role.DataProvider => "data_providers",
        Role.ServiceUser => "users",
        _ => role.Key() + "s",
    };

    public static string Title(this Role role) => role switch
    {
        Role.DataProvider => "Data providers",
        Role.Trainer => "Trainers",
        Role.ServiceUser => "Service users",
        Role.Validator => "Validators",
        Role.Miner => "Miners",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
