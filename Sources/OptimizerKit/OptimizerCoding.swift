// Codable conformances for the reference optimizers.
//
// Decoding runs the same validation as the initializers, then checks that every state vector
// has one value per parameter, so a corrupted or hand-edited checkpoint fails with a message
// instead of resuming with inconsistent state.

private enum OptimizerCodingKeys: String, CodingKey {
  case hyperparameters
  case state
}

private func corrupted(_ message: String, _ decoder: Decoder) -> DecodingError {
  DecodingError.dataCorrupted(
    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: message))
}

private func checkStep(_ step: Int, _ decoder: Decoder) throws {
  if step < 0 { throw corrupted("state.step must be 0 or more, got \(step)", decoder) }
}

private func checkCount(
  _ name: String, _ values: [Double]?, expected: Int?, _ decoder: Decoder
) throws {
  switch (values, expected) {
  case (nil, nil): return
  case (let values?, let expected?) where values.count == expected: return
  case (nil, _?): throw corrupted("state.\(name) is missing", decoder)
  case (_?, nil): throw corrupted("state.\(name) must be absent for these hyperparameters", decoder)
  case (let values?, let expected?):
    throw corrupted(
      "state.\(name) has \(values.count) values, expected \(expected), one per parameter", decoder)
  }
}

extension SGD {
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: OptimizerCodingKeys.self)
    try self.init(container.decode(Hyperparameters.self, forKey: .hyperparameters))
    let state = try container.decode(State.self, forKey: .state)
    try checkStep(state.step, decoder)
    if hyperparameters.momentum == 0, state.momentumBuffer != nil {
      throw corrupted("state.momentumBuffer must be absent when momentum is 0", decoder)
    }
    self.state = state
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: OptimizerCodingKeys.self)
    try container.encode(hyperparameters, forKey: .hyperparameters)
    try container.encode(state, forKey: .state)
  }
}

extension Adagrad {
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: OptimizerCodingKeys.self)
    let hyperparameters = try container.decode(Hyperparameters.self, forKey: .hyperparameters)
    let state = try container.decode(State.self, forKey: .state)
    try self.init(hyperparameters, parameterCount: state.sum.count)
    try checkStep(state.step, decoder)
    self.state = state
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: OptimizerCodingKeys.self)
    try container.encode(hyperparameters, forKey: .hyperparameters)
    try container.encode(state, forKey: .state)
  }
}

extension RMSprop {
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: OptimizerCodingKeys.self)
    let hyperparameters = try container.decode(Hyperparameters.self, forKey: .hyperparameters)
    let state = try container.decode(State.self, forKey: .state)
    let count = state.squareAvg.count
    try self.init(hyperparameters, parameterCount: count)
    try checkStep(state.step, decoder)
    try checkCount(
      "gradAvg", state.gradAvg, expected: hyperparameters.centered ? count : nil, decoder)
    try checkCount(
      "momentumBuffer", state.momentumBuffer, expected: hyperparameters.momentum > 0 ? count : nil,
      decoder)
    self.state = state
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: OptimizerCodingKeys.self)
    try container.encode(hyperparameters, forKey: .hyperparameters)
    try container.encode(state, forKey: .state)
  }
}

extension Adam {
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: OptimizerCodingKeys.self)
    let hyperparameters = try container.decode(Hyperparameters.self, forKey: .hyperparameters)
    let state = try container.decode(State.self, forKey: .state)
    let count = state.expAvg.count
    try self.init(hyperparameters, parameterCount: count)
    try checkStep(state.step, decoder)
    try checkCount("expAvgSq", state.expAvgSq, expected: count, decoder)
    try checkCount(
      "maxExpAvgSq", state.maxExpAvgSq, expected: hyperparameters.amsgrad ? count : nil, decoder)
    self.state = state
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: OptimizerCodingKeys.self)
    try container.encode(hyperparameters, forKey: .hyperparameters)
    try container.encode(state, forKey: .state)
  }
}
