// The bench's webhook receiver, in a process of its own so the bench's own heap and work do not slow it: it answers
// 200 at once, and GET /count answers how many deliveries came and when the last did (ms since the epoch).
import { createServer } from 'node:http';

let delivered = 0;
let lastAt = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/count') return res.end(JSON.stringify({ delivered, lastAt }));
    delivered += 1;
    lastAt = Date.now();
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify(server.address())));
