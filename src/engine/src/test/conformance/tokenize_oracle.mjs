console.log("[conformance] tokenizer oracle: not yet")
