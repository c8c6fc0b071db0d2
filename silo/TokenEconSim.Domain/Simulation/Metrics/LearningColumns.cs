using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>Federated learning (docs/model.md §10); empty cells (NaN) or 0 in runs that do not learn.</summary>
public static class LearningColumns
{
    public static readonly MetricGroup Group = new("learning", "federated learning (empty or 0 without it)");

    /// <summary>Validation accuracy of the global model after the epoch (NaN without learning).</summary>
    public static readonly MetricColumn<double> ModelAccuracy = Group.Declare("model_accuracy", MetricUnit.Ratio,
        "federated learning: validation accuracy of the global model after the epoch (empty otherwise)",
        [Browser.ModelAccuracy.Series("model accuracy"), Png.ModelAccuracy.Series("Validation accuracy", scale: 100)], double.NaN);
    /// <summary>Validation log-loss of the global model after the epoch (NaN without learning).</summary>
    public static readonly MetricColumn<double> ModelLoss = Group.Declare("model_loss", MetricUnit.Value,
        "federated learning: validation log-loss of the global model, nats per sample (empty otherwise)",
        [Png.ModelAccuracy.Series("Validation log-loss", rightAxis: true)], double.NaN);
    /// <summary>Whether the epoch's aggregated update was accepted (null without learning).</summary>
    public static readonly MetricColumn<bool?> UpdateAccepted = Group.Declare<bool?>("update_accepted", MetricUnit.Flag,
        "federated learning: 1 when the validators accepted the epoch's model update (empty otherwise)",
        [Png.ModelAccuracy.Series("Update rejected")], null);
    /// <summary>Trainers' updates aggregated this epoch.</summary>
    public static readonly MetricColumn<int> TrainerUpdates = Group.Declare<int>("trainer_updates", MetricUnit.Count,
        "federated learning: trainers' updates aggregated in the epoch", None);
}
