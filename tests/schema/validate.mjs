// Validates every document of the given YAML files against the API schema of its kind, as the API server's
// OpenAPI validation would. Prints one line per invalid document and exits 1 if there is any.
import fs from 'node:fs';
import * as yaml from 'js-yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';

const models = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'v1 Namespace': Namespace,
  'networking.istio.io/v1 DestinationRule': DestinationRule,
  'networking.istio.io/v1 VirtualService': VirtualService,
  'gateway.networking.k8s.io/v1 HTTPRoute': HTTPRoute,
};

let valid = 0;
let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
    const Model = models[`${doc?.apiVersion} ${doc?.kind}`];
    try {
      if (!Model) throw new Error(`no schema for ${doc?.apiVersion} ${doc?.kind}`);
      new Model(doc).validate();
      valid++;
    } catch (e) {
      console.log(`${file}: ${e.message}`);
      invalid++;
    }
  }
}

console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid > 0 || valid === 0 ? 1 : 0);
