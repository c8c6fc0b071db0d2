using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Scenarios.Loading;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

public class ScenarioLoaderTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ScenarioLoadResult Load(string yaml, string name = "s.yaml") => ScenarioLoader.LoadFile(_dir.Write(name, yaml));

    private ScenarioError SingleError(string yaml)
    {
        var result = Load(yaml);
        Assert.False(result.Success);
        Assert.Null(result.Scenario);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void ValuesWrittenAreBoundAndTheRestKeepDefaults()
    {
        var result = Load("""
            run:
              name: exp-1
              seed: -7
              epochs: 12
            rewards:
              mode: absolute
              c_gpu: 2.5e-1
            consensus:
              block_timing: fixed
            populations:
              users:
                count: 3
                call_duration: exp(2)
            outputs:
              charts: false
            """);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var s = result.Scenario;
        Assert.Equal("exp-1", s.Run.Name);
        Assert.Equal(-7, s.Run.Seed);
        Assert.Equal(12, s.Run.Epochs);
        Assert.Equal(86_400, s.Run.EpochLength);          // not written: default
        Assert.Equal(RewardMode.Absolute, s.Rewards.Mode);
        Assert.Equal(0.25, s.Rewards.CGpu);
        Assert.Equal(BlockTiming.Fixed, s.Consensus.BlockTiming);
        Assert.Equal(3, s.Populations.Users.Count);
        Assert.Equal(new Distribution(DistributionKind.Exp, 2), s.Populations.Users.CallDuration);
        Assert.Equal(new Distribution(DistributionKind.Poisson, 20), s.Populations.Users.Calls);
        Assert.Equal(40, s.Populations.DataProviders.Count); // untouched population keeps its default
        Assert.False(s.Outputs.Charts);
    }

    [Fact]
    public void TypoInKeyGivesOneErrorWithPositionAndSuggestion()
    {
        var path = _dir.Write("bad.yaml", """
            # a comment
            run:
              name: x
              epcohs: 10
            """);
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal(path, error.File);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Equal("unknown key 'epcohs' in section 'run'; did you mean 'epochs'?", error.Message);
        Assert.Equal($"{path}:4:3: unknown key 'epcohs' in section 'run'; did you mean 'epochs'?", error.ToString());
    }

    [Fact]
    public void UnknownKeyFarFromAnyListsTheValidKeys()
    {
        var error = SingleError("run:\n  colour: blue\n");
        Assert.Equal("unknown key 'colour' in section 'run'; valid keys: name, seed, epochs, epoch_length, agents_per_grain", error.Message);
    }

    [Fact]
    public void UnknownTopLevelKeySuggestsSection()
    {
        var error = SingleError("rewrads:\n  alpha: 0.4\n");
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("unknown top-level key 'rewrads'; did you mean 'rewards'?", error.Message);
    }

    [Fact]
    public void NestedUnknownKeyNamesTheDottedSection()
    {
        var error = SingleError("populations:\n  users:\n    cals: poisson(3)\n");
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Equal("unknown key 'cals' in section 'populations.users'; did you mean 'calls'?", error.Message);
    }

    [Theory]
    [InlineData("run:\n  epochs: ten\n", 2, 11, "run.epochs: expected an integer, got 'ten'")]
    [InlineData("run:\n  epochs: 2.5\n", 2, 11, "run.epochs: expected an integer, got '2.5'")]
    [InlineData("run:\n  epochs:\n    a: 1\n", 3, 5, "run.epochs: expected an integer, got a mapping")]
    [InlineData("run:\n  epochs: [1, 2]\n", 2, 11, "run.epochs: expected an integer, got a list")]
    [InlineData("run:\n  epochs:\n", 2, 10, "run.epochs: expected an integer, got an empty value")]
    [InlineData("run:\n  epochs: 99999999999\n", 2, 11, "run.epochs: expected an integer between -2147483648 and 2147483647, got '99999999999'")]
    [InlineData("token:\n  fee_per_call: cheap\n", 2, 17, "token.fee_per_call: expected a number, got 'cheap'")]
    [InlineData("token:\n  fee_per_call: .inf\n", 2, 17, "token.fee_per_call: expected a number, got '.inf'")]
    [InlineData("token:\n  fee_per_call: NaN\n", 2, 17, "token.fee_per_call: expected a number, got 'NaN'")]
    [InlineData("outputs:\n  charts: yes\n", 2, 11, "outputs.charts: expected true or false, got 'yes'")]
    [InlineData("run:\n  name:\n    - a\n", 3, 5, "run.name: expected a string, got a list")]
    [InlineData("run: 5\n", 1, 6, "run: expected a section of keys (name, seed, epochs, epoch_length, agents_per_grain), got '5'")]
    [InlineData("populations:\n  users:\n    calls: 20\n", 3, 12,
        "populations.users.calls: expected a distribution such as poisson(100) or beta(8,2), got the number 20; write const(20) for a fixed value")]
    public void WrongTypeNamesKeyExpectedTypeAndValue(string yaml, int line, int column, string message)
    {
        var error = SingleError(yaml);
        Assert.Equal((line, column, message), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void UnknownEnumValueListsKnownOnes()
    {
        var error = SingleError("rewards:\n  mode: pooll\n");
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.Equal("rewards.mode: unknown value 'pooll'; known: pool, absolute, shares; did you mean 'pool'?", error.Message);
    }

    [Fact]
    public void EnumValuesAreSnakeCaseAndCaseInsensitive()
    {
        var result = Load("consensus:\n  block_timing: Fixed\n  kind: pow\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(BlockTiming.Fixed, result.Scenario.Consensus.BlockTiming);
    }

    [Theory]
    [InlineData("run:\n  epochs: 0\n", 2, 11, "run.epochs: 0 is out of range; valid: 1 … 10000000")]
    [InlineData("run:\n  epoch_length: 0\n", 2, 17, "run.epoch_length: 0 is out of range; valid: > 0")]
    [InlineData("run:\n  epoch_length: -5.5\n", 2, 17, "run.epoch_length: -5.5 is out of range; valid: > 0")]
    [InlineData("token:\n  fee_burn_fraction: 1.5\n", 2, 22, "token.fee_burn_fraction: 1.5 is out of range; valid: 0 … 1")]
    [InlineData("populations:\n  miners:\n    count: -1\n", 3, 12, "populations.miners.count: -1 is out of range; valid: 0 … 100000000")]
    public void OutOfRangeNumbersAreErrors(string yaml, int line, int column, string message)
    {
        var error = SingleError(yaml);
        Assert.Equal((line, column, message), (error.Line, error.Column, error.Message));
    }

    [Theory]
    [InlineData("populations:\n  users:\n    calls: poison(20)\n",
        "populations.users.calls: unknown distribution 'poison'; known: const, uniform, poisson, beta, gamma, lognormal, exp")]
    [InlineData("populations:\n  users:\n    calls: poisson(-2)\n", "populations.users.calls: poisson(λ) needs λ > 0, got poisson(-2)")]
    [InlineData("populations:\n  users:\n    calls: gamma(2)\n", "populations.users.calls: gamma takes 2 arguments, got 'gamma(2)'")]
    [InlineData("populations:\n  users:\n    calls: uniform(-1,2)\n",
        "populations.users.calls: uniform(-1,2) can give negative values, but samples must be ≥ 0; use e.g. poisson(λ), gamma(k,θ), "
            + "lognormal(μ,σ), exp(m), or uniform/const with no negative values")]
    [InlineData("populations:\n  users:\n    calls: gamma(2,5)\n    call_duration: const(-1)\n",
        "populations.users.call_duration: const(-1) can give negative values, but samples must be ≥ 0; use e.g. poisson(λ), gamma(k,θ), "
            + "lognormal(μ,σ), exp(m), or uniform/const with no negative values")]
    [InlineData("populations:\n  users:\n    calls: lots\n",
        "populations.users.calls: 'lots' is not a distribution; write name(args), e.g. poisson(100), one of: const, uniform, poisson, beta, gamma, "
        + "lognormal, exp")]
    public void BadDistributionsAreErrors(string yaml, string message) => Assert.Equal(message, SingleError(yaml).Message);

    [Fact]
    public void DistributionSplitByAFlowMappingsCommaSaysToQuoteIt()
    {
        var result = Load("populations:\n  data_providers: {count: 10, quality: beta(8,2)}\n");
        Assert.Equal(
            ["populations.data_providers.quality: 'beta(8' is cut off at a comma: inside [ ] or { } YAML splits values at commas; quote the "
                + "distribution, e.g. \"beta(8,…)\", or use block style",
             "unknown key '2)' in section 'populations.data_providers'; valid keys: count, participation, batch_size, quality"],
            result.Errors.Select(e => e.Message));
        Assert.True(Load("populations:\n  data_providers: {count: 10, quality: \"beta(8,2)\"}\n").Success);
    }

    [Fact]
    public void QualityMustSampleInUnitInterval()
    {
        var error = SingleError("populations:\n  data_providers:\n    quality: gamma(2,5)\n");
        Assert.Equal((3, 14), (error.Line, error.Column));
        Assert.StartsWith("populations.data_providers.quality: gamma(2,5) can give values outside [0, 1], but samples must lie in [0, 1]",
            error.Message);
        Assert.True(Load("populations:\n  data_providers:\n    quality: uniform(0.2,0.9)\n").Success);
    }

    [Fact]
    public void InvalidYamlGivesOneErrorAtTheParserMark()
    {
        var error = SingleError("run:\n  seed: 1\n  epochs: \"10\n  name: x\n");
        Assert.Equal((3, 11), (error.Line, error.Column));
        Assert.StartsWith("invalid YAML: while scanning a multi-line double-quoted scalar", error.Message);
        Assert.DoesNotContain(" at ", error.Message);        // no stack trace
        Assert.DoesNotContain("Exception", error.Message);
    }

    [Fact]
    public void ParserCrashOnUnclosedBracketIsStillAPositionedError()
    {
        // YamlDotNet throws InvalidOperationException (no mark) for this input.
        var error = SingleError("run:\n  epochs: [1, 2\n  seed: 3\n");
        Assert.Equal((2, 13), (error.Line, error.Column));
        Assert.Equal("invalid YAML after this point; look for an unclosed '[', '{' or quote", error.Message);
    }

    // Each of these crashed the process before (stack overflow, or minutes and gigabytes of expansion).
    [Theory]
    [InlineData("&a [*a]\n", 1, 5, "alias '*a' refers to a node that contains it; a scenario cannot be recursive")]
    [InlineData("run: &r\n  name: *r\n", 2, 9, "alias '*r' refers to a node that contains it; a scenario cannot be recursive")]
    public void ARecursiveAliasIsRefused(string yaml, int line, int column, string message)
    {
        var error = SingleError(yaml);
        Assert.Equal((line, column, message), (error.Line, error.Column, error.Message));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void NestingDeeperThanTheLimitIsRefused(string open, string close)
    {
        var deep = "run: " + string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";
        var error = SingleError(deep);
        Assert.Equal("nesting deeper than 64 levels; a scenario needs a handful", error.Message);
        Assert.Equal((1, 6 + 63 * open.Length), (error.Line, error.Column)); // at the 65th level (the top mapping is the first)
        // 64 levels are read (and then refused for what they say, not for their shape).
        var allowed = "run: " + string.Concat(Enumerable.Repeat("[", 63)) + string.Concat(Enumerable.Repeat("]", 63)) + "\n";
        Assert.DoesNotContain(Load(allowed).Errors, e => e.Message.StartsWith("nesting", StringComparison.Ordinal));
    }

    [Fact]
    public void AliasesThatExpandExponentiallyAreRefused()
    {
        // "Billion laughs": each line repeats the previous ten times; 10^8 values if expanded.
        var yaml = "x0: &a0 [v, v, v, v, v, v, v, v, v, v]\n" + string.Concat(Enumerable.Range(1, 7).Select(i =>
            $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));
        var error = SingleError(yaml);
        Assert.Equal("the file expands to more than 100,000 values (aliases repeating aliases?); a scenario needs a few hundred", error.Message);
        Assert.Equal(5, error.Line); // x4 is the first to pass 10^5
    }

    [Fact]
    public void ABaseThatIsNotAScenarioFileIsRefusedAtTheExtendsLine()
    {
        Assert.Equal("extends: the path contains a control character; name a base scenario file, e.g. extends: baseline.yaml",
            SingleError("extends: \"a\\0b.yaml\"\n").Message);
        Assert.EndsWith("cannot be read: it is a folder, not a file (looked for /tmp)", SingleError("extends: /tmp\n").Message);
        var big = _dir.Write("big.yaml", "run: {}\n# " + new string('x', ScenarioFileText.MaxBytes) + "\n");
        Assert.Contains("cannot be read: larger than 1 MiB", SingleError($"extends: {big}\n").Message);
        // Unbounded: refused for what it is before a byte is read, not read until memory runs out.
        Assert.Contains("cannot be read: it is a character device, not a regular file", SingleError("extends: /dev/zero\n").Message);
    }

    [Fact]
    public void AnAliasOfAFinishedAnchorStillLoads()
    {
        var result = Load("run:\n  name: shared\n  seed: &s 7\n  epochs: *s\n");
        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(7, result.Scenario!.Run.Epochs);
    }

    [Fact]
    public void DuplicateKeyIsAnError()
    {
        var error = SingleError("run:\n  seed: 1\n  seed: 2\n");
        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Equal("duplicate key 'seed'; each key may appear once per section", error.Message);
    }

    [Fact]
    public void TopLevelMustBeAMapping()
    {
        var error = SingleError("- run\n- token\n");
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.StartsWith("a scenario must be a mapping of sections", error.Message);
    }

    [Fact]
    public void PbftWithFewerThanFourValidatorsIsRefused()
    {
        var error = SingleError("consensus:\n  finality: pbft\npopulations:\n  validators:\n    count: 3\n");
        Assert.Equal((2, 13), (error.Line, error.Column));
        Assert.Equal("consensus.finality: pbft needs at least 4 validators (n = 3f + 1 with f ≥ 1), populations.validators.count is 3",
            error.Message);
    }

    [Fact]
    public void EtaOutsideTheSeedsRangeIsRefusedWhereItIsWritten()
    {
        var error = SingleError("consensus:\n  difficulty:\n    algorithm: lstm\n    eta: 0.5\n");
        Assert.Equal((4, 10), (error.Line, error.Column));
        Assert.StartsWith("consensus.difficulty.eta:", error.Message);
        Assert.Contains("0.01", error.Message);
    }

    // The scenario name of every difficulty algorithm is derived from its enum member alone, and the
    // loader parses that name back into the member: one name per value, no table to keep in step.
    [Fact]
    public void EveryDifficultyAlgorithmNameParsesBackToItsKind()
    {
        var kinds = Enum.GetValues<DifficultyAlgorithmKind>();
        Assert.Equal(kinds.Length, kinds.Select(Naming.Of).Distinct().Count());
        foreach (var kind in kinds)
        {
            var result = Load($"consensus:\n  difficulty:\n    algorithm: {Naming.Of(kind)}\n");
            Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Equal(kind, result.Scenario!.Consensus.Difficulty.Algorithm);
        }
    }

    [Fact]
    public void AnUnknownDifficultyAlgorithmListsTheKnownOnes()
    {
        var error = SingleError("consensus:\n  difficulty:\n    algorithm: bitcoinz\n");
        Assert.Equal((3, 16), (error.Line, error.Column));
        Assert.StartsWith("consensus.difficulty.algorithm: unknown value 'bitcoinz'", error.Message);
        Assert.Contains("fixed, bitcoin, asert, ethereum, lstm, lstm_asert", error.Message);
    }

    [Theory]
    [InlineData("consensus:\n  kind: pos\n  hashing: real\n", "consensus.hashing: real hashing is proof of work; consensus.kind is pos")]
    [InlineData("consensus:\n  hashing: real\npopulations:\n  miners:\n    greedy_fraction: 1\n",
        "populations.miners.greedy_fraction: greedy miners need proof of work with sampled hashing and poisson block timing")]
    [InlineData("consensus:\n  difficulty:\n    lstm:\n      window: 20\n      history: 20\n",
        "consensus.difficulty.lstm.history: 20 observations leave no (window, next) pair to train on with window 20; keep history > window")]
    [InlineData("consensus:\n  pbft:\n    byzantine: 6\n", "consensus.pbft.byzantine: 6 Byzantine validators but only 5 validators")]
    [InlineData("consensus:\n  pos:\n    byzantine: 9\n", "consensus.pos.byzantine: 9 Byzantine validators but only 5 validators")]
    [InlineData("consensus:\n  kind: dpos\npopulations:\n  validators:\n    count: 0\n",
        "consensus.kind: dpos produces blocks with validators, but populations.validators.count is 0")]
    public void ConsensusNeedsWhatItsProtocolNeeds(string yaml, string message) =>
        Assert.Equal(message, SingleError(yaml).Message);

    [Fact]
    public void TooManyBlocksPerEpochIsRefusedBeforeARunHangs()
    {
        var error = SingleError("consensus:\n  target_block_time: 0.0001\n");
        Assert.Equal((2, 22), (error.Line, error.Column));
        Assert.StartsWith("consensus.target_block_time: 0.0001 s gives 864000000 blocks per epoch", error.Message);
    }

    [Fact]
    public void EmptyFileIsRefusedNotRunWithDefaults()
    {
        var error = SingleError("# nothing but a comment\n");
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.StartsWith("the file holds no scenario", error.Message);
    }

    [Fact]
    public void AnEmptyRunSectionIsTheDefaultScenario()
    {
        var result = Load("run: {}\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(ScenarioWriter.ToYaml(new Scenario()), ScenarioWriter.ToYaml(result.Scenario));
    }

    [Fact]
    public void EmptySectionKeepsDefaults()
    {
        var result = Load("outputs:\nrun:\n  epochs: 3\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.True(result.Scenario.Outputs.Charts);
    }

    [Fact]
    public void MissingFileIsAnErrorNotAnException()
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(_dir.Path, "nope.yaml"));
        var error = Assert.Single(result.Errors);
        Assert.Equal((0, 0), (error.Line, error.Column));
        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void AllErrorsOfAFileAreReportedInDocumentOrder()
    {
        var result = Load("""
            run:
              epcohs: 10
              seed: abc
            rewards:
              alpha: 2
              mode: pooll
            populations:
              users:
                calls: 5
            """);
        Assert.Equal(
            [(2, 3), (3, 9), (5, 10), (6, 9), (9, 12)],
            result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("epcohs", result.Errors[0].Message);
        Assert.StartsWith("run.seed:", result.Errors[1].Message);
        Assert.StartsWith("rewards.alpha:", result.Errors[2].Message);
        Assert.StartsWith("rewards.mode:", result.Errors[3].Message);
        Assert.StartsWith("populations.users.calls:", result.Errors[4].Message);
    }

    [Fact]
    public void RewardWeightsMustSumToOne()
    {
        var error = SingleError("run:\n  seed: 1\nrewards:\n  alpha: 0.5\n  beta: 0.3\n  gamma: 0.3\n");
        Assert.Equal((3, 1), (error.Line, error.Column));      // at the rewards section
        Assert.Equal("rewards: alpha + beta + gamma must equal 1, got 0.5 + 0.3 + 0.3 = 1.1", error.Message);
    }

    [Fact]
    public void RewardWeightsWithinToleranceAreAccepted()
    {
        // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in binary floating point.
        Assert.True(Load("rewards:\n  alpha: 0.1\n  beta: 0.2\n  gamma: 0.7\n").Success);
        Assert.False(Load("rewards:\n  alpha: 0.1\n  beta: 0.2\n  gamma: 0.700001\n").Success);
    }

    // The scenario's rewards and every governance proposal are checked by the one simplex rule the
    // DAO applies: on either side of its tolerance, all three agree.
    [Theory]
    [InlineData(0.5, 0.5, 5e-10)]
    [InlineData(0.5, 0.5, 4e-9)]
    [InlineData(0.25, 0.25, 0.5)]
    [InlineData(0.25, 0.25, 0.4)]
    public void RewardsAndProposalsFollowTheDomainsSimplexRule(double a, double b, double c)
    {
        string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var onSimplex = Simplex.Contains(a, b, c);
        Assert.Equal(onSimplex, Load($"rewards:\n  alpha: {F(a)}\n  beta: {F(b)}\n  gamma: {F(c)}\n").Success);
        Assert.Equal(onSimplex, Load("governance:\n  proposals:\n"
            + $"    - {{epoch: 1, alpha: {F(a)}, beta: {F(b)}, gamma: {F(c)}}}\n").Success);
    }

    [Fact]
    public void SumIsNotCheckedWhenAWeightAlreadyFailed()
    {
        // alpha is out of range; a second error about the sum of the defaults would be noise.
        var error = SingleError("rewards:\n  alpha: 7\n");
        Assert.StartsWith("rewards.alpha:", error.Message);
    }

    [Theory]
    [InlineData("my run")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public void RunNameMustBeAFolderSafeName(string name)
    {
        var error = SingleError($"run:\n  name: \"{name}\"\n");
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.StartsWith($"run.name: '{name}' is not a valid run name", error.Message);
    }

    [Fact]
    public void RunNameLongerThanAFolderNameAllowsIsRefused()
    {
        // The name and a timestamp make the results folder's name; 300 characters failed only when the folder was created.
        var name = new string('n', 300);
        var error = SingleError($"run:\n  name: {name}\n");
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.StartsWith("run.name: 300 characters, at most 100 are allowed", error.Message);
        Assert.Empty(Load($"run:\n  name: {new string('n', 100)}\n").Errors);
    }

    [Fact]
    public void RunNameMayUseDotsDashesUnderscores() => Assert.True(Load("run:\n  name: v1.2_data-heavy\n").Success);

    [Fact]
    public void TotalPopulationMustBeAtLeastOne()
    {
        var zero = "populations:\n  data_providers: {count: 0}\n  trainers: {count: 0}\n  users: {count: 0}\n  validators: {count: 0}\n  miners: "
            + "{count: 0}\n";
        var error = SingleError(zero);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.StartsWith("populations: the total count over all roles", error.Message);
        Assert.True(Load(zero.Replace("miners: {count: 0}", "miners: {count: 1}")).Success);
    }

    [Fact]
    public void LoadTextNamesTheGivenFile()
    {
        var result = ScenarioLoader.LoadText("run:\n  seeds: 3\n", "resolved.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("resolved.yaml:2:3: unknown key 'seeds' in section 'run'; did you mean 'seed'?", error.ToString());
        Assert.Equal("<text>", ScenarioLoader.LoadText("x: 1").Errors.Single().File);
    }
}
