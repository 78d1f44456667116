/** Splits `KAFKA_BROKERS` ("h1:9092,h2:9092") into a broker list. */
export const parseBrokers = (value: string): string[] =>
  value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
