/**
 * Generation over HTTP: the OpenAI-compatible resources ({@code /v1/models}, {@code /v1/chat/completions},
 * {@code /v1/completions}, {@code /v1/embeddings}) and the tutorial's {@code /generate}, their request and
 * response records, the mapping of sampling fields to engine settings (with the configurable automatic
 * table, and the constraint and logit_bias the {@code structured} package makes of {@code response_format},
 * {@code tools} and {@code logit_bias}), chat answers' {@code tool_calls} whole and streamed, server-sent-event
 * streams, and the service that submits work to a model's batch scheduler with
 * deadlines, cancellation and metrics. What a chat looks like to the model (its messages checked and rendered
 * through the chat template, the prompt endpoints) belongs to {@code prompts}; which models exist and their loading
 * to {@code models}.
 */
package dev.lantern.app.generation;
