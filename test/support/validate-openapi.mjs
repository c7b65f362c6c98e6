// Validates an OpenAPI document read from stdin against the official schemas and prints the result
// as JSON. A separate process because the validator is an ES module and jest runs tests as CommonJS.
import { Validator } from '@seriousme/openapi-schema-validator';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await new Validator().validate(JSON.parse(input));
process.stdout.write(JSON.stringify(result));
