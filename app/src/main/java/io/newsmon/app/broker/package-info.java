/**
 * The pipeline's broker, as the commands find it. {@code newsmon broker}
 * ({@link io.newsmon.app.broker.BrokerCommand}) runs the embedded KRaft broker as a process of its own;
 * {@link io.newsmon.app.broker.RunningBroker} writes the address of a running embedded broker under
 * {@code --data-dir}, and {@link io.newsmon.app.broker.PipelineBroker} gives the commands that read the
 * pipeline's topics ({@code feeds status}, {@code dlq}) its broker: {@code --bootstrap-servers}, else the running
 * one, else that data folder's broker started for the command.
 */
package io.newsmon.app.broker;
