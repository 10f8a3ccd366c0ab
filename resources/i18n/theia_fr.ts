<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>Theia</name>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="40" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="76" />
      <source>&amp;Theia</source>
      <translation>&amp;Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="149" />
      <source>Access denied</source>
      <translation>Accès refusé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/__init__.py" line="118" />
      <source>An authentication configuration ({id}) can only be used inside QGIS; pass the credentials as headers instead</source>
      <translation>Une configuration d'authentification ({id}) ne peut être utilisée que dans QGIS ; passez plutôt les identifiants en en-têtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="150" />
      <source>Authentication failed</source>
      <translation>Échec de l'authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="65" />
      <source>Cache folder</source>
      <translation>Dossier de cache</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="274" />
      <source>Cancelled by the user</source>
      <translation>Annulé par l'utilisateur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="284" />
      <source>Check that the URL points to the service's API; the server may be misconfigured</source>
      <translation>Vérifiez que l'URL désigne bien l'API du service ; le serveur est peut-être mal configuré</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="154" />
      <source>Check that your account or API key gives access to this resource, and the authentication configuration selected for this connection ({settings})</source>
      <translation>Vérifiez que votre compte ou votre clé d'API donne accès à cette ressource, ainsi que la configuration d'authentification choisie pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="158" />
      <source>Check the API key or the user name and password of the authentication configuration selected for this connection ({settings})</source>
      <translation>Vérifiez la clé d'API ou le nom d'utilisateur et le mot de passe de la configuration d'authentification choisie pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="175" />
      <source>Check the URL; the item may have been removed or moved</source>
      <translation>Vérifiez l'URL ; l'élément a peut-être été supprimé ou déplacé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="235" />
      <source>Check the address and your Internet connection, and whether a proxy is needed ({settings})</source>
      <translation>Vérifiez l'adresse et votre connexion Internet, et si un proxy est nécessaire ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="318" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="278" />
      <source>Check the address of the service</source>
      <translation>Vérifiez l'adresse du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="567" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="295" />
      <source>Check the address, your Internet connection and DNS</source>
      <translation>Vérifiez l'adresse, votre connexion Internet et le DNS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="264" />
      <source>Check the computer's date and time; if your organisation inspects HTTPS traffic, add its certificate authority in {settings} › Certificate Manager</source>
      <translation>Vérifiez la date et l'heure de l'ordinateur ; si votre organisme inspecte le trafic HTTPS, ajoutez son autorité de certification dans {settings} › Gestionnaire de certificats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="254" />
      <location filename="../../theia_plugin/net/qgis_transport.py" line="559" />
      <source>Check the proxy host and port in {settings}</source>
      <translation>Vérifiez l'hôte et le port du proxy dans {settings}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="251" />
      <source>Check the proxy user name and password in {settings}</source>
      <translation>Vérifiez le nom d'utilisateur et le mot de passe du proxy dans {settings}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="140" />
      <source>Check the request parameters</source>
      <translation>Vérifiez les paramètres de la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="254" />
      <source>Choose an existing authentication configuration for this connection ({settings})</source>
      <translation>Choisissez une configuration d'authentification existante pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="232" />
      <source>Could not connect to the server</source>
      <translation>Connexion au serveur impossible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="67" />
      <source>Default download folder</source>
      <translation>Dossier de téléchargement par défaut</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="70" />
      <source>Detailed logs (debug mode)</source>
      <translation>Journaux détaillés (mode débogage)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/log.py" line="79" />
      <source>Details…</source>
      <translation>Détails…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="305" />
      <source>Expected a JSON document but received {what}</source>
      <translation>Un document JSON était attendu, mais le serveur a renvoyé {what}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/stac_io.py" line="179" />
      <source>Expected a STAC JSON document but received “{snippet}”</source>
      <translation>Un document JSON STAC était attendu, mais le serveur a renvoyé « {snippet} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="62" />
      <source>Folders</source>
      <translation>Dossiers</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="105" />
      <source>HTTP {status}</source>
      <translation>HTTP {status}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="88" />
      <source>Help</source>
      <translation>Aide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="42" />
      <source>How long to wait for a server before giving up on a request.</source>
      <translation>Durée d'attente d'un serveur avant d'abandonner une requête.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="48" />
      <source>How many times a failed read request is tried again (with increasing delays).</source>
      <translation>Nombre de nouvelles tentatives d'une requête de lecture en échec (avec des délais croissants).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="315" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="278" />
      <source>Invalid URL</source>
      <translation>URL invalide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="36" />
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="53" />
      <source>Proxy, SSL and credentials are the QGIS ones: Settings › Options › Network and Settings › Options › Authentication.</source>
      <translation>Le proxy, le SSL et les identifiants sont ceux de QGIS : Préférences › Options › Réseau et Préférences › Options › Authentification.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="44" />
      <source>Request timeout</source>
      <translation>Délai d'attente des requêtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="50" />
      <source>Retries</source>
      <translation>Nouvelles tentatives</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="48" />
      <source>Settings › Options › Authentication</source>
      <translation>Préférences › Options › Authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="52" />
      <source>Settings › Options › Network</source>
      <translation>Préférences › Options › Réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="83" />
      <source>Settings…</source>
      <translation>Paramètres…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="244" />
      <source>The QGIS authentication system is not available</source>
      <translation>Le système d'authentification de QGIS n'est pas disponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="381" />
      <source>The authentication configuration “{id}” could not be applied</source>
      <translation>La configuration d'authentification « {id} » n'a pas pu être appliquée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="268" />
      <source>The authentication configuration “{id}” could not be read</source>
      <translation>La configuration d'authentification « {id} » n'a pas pu être lue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="251" />
      <source>The authentication configuration “{id}” does not exist</source>
      <translation>La configuration d'authentification « {id} » n'existe pas</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="278" />
      <source>The authentication method “{method}” is not available in this QGIS</source>
      <translation>La méthode d'authentification « {method} » n'est pas disponible dans ce QGIS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/requests_transport.py" line="300" />
      <source>The connection to the server was interrupted</source>
      <translation>La connexion au serveur a été interrompue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="807" />
      <source>The download was interrupted</source>
      <translation>Le téléchargement a été interrompu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="852" />
      <source>The downloaded file has {size} bytes instead of {expected}</source>
      <translation>Le fichier téléchargé fait {size} octets au lieu de {expected}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="862" />
      <source>The downloaded file is corrupted (checksum {actual})</source>
      <translation>Le fichier téléchargé est corrompu (somme de contrôle {actual})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="174" />
      <source>The link may have expired: search again to get a fresh one</source>
      <translation>Le lien a peut-être expiré : relancez la recherche pour en obtenir un nouveau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="93" />
      <source>The network request failed</source>
      <translation>La requête réseau a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="247" />
      <source>The proxy refused the connection</source>
      <translation>Le proxy a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="246" />
      <source>The proxy requires authentication</source>
      <translation>Le proxy demande une authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="558" />
      <source>The proxy {proxy} refused the connection</source>
      <translation>Le proxy {proxy} a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="219" />
      <source>The request timed out</source>
      <translation>La requête a dépassé le délai d'attente</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="169" />
      <source>The resource is no longer available</source>
      <translation>La ressource n'est plus disponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="170" />
      <source>The resource was not found</source>
      <translation>La ressource est introuvable</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="261" />
      <source>The secure connection (TLS/SSL) failed</source>
      <translation>La connexion sécurisée (TLS/SSL) a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="216" />
      <source>The server did not answer within {seconds} s</source>
      <translation>Le serveur n'a pas répondu en {seconds} s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="201" />
      <source>The server failed to process the request</source>
      <translation>Le serveur n'a pas pu traiter la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="222" />
      <source>The server may be overloaded or your connection slow: try again later, or increase the timeout ({settings} › Timeout)</source>
      <translation>Le serveur est peut-être surchargé ou votre connexion lente : réessayez plus tard, ou augmentez le délai d'attente ({settings} › Délai d'attente)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="566" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="294" />
      <source>The server name could not be resolved</source>
      <translation>Le nom du serveur n'a pas pu être résolu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="186" />
      <source>The server received too many requests</source>
      <translation>Le serveur a reçu trop de requêtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="136" />
      <source>The server rejected the request</source>
      <translation>Le serveur a rejeté la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="444" />
      <source>The server resumed the download at the wrong position</source>
      <translation>Le serveur a repris le téléchargement à la mauvaise position</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="281" />
      <source>The server sent an invalid response</source>
      <translation>Le serveur a renvoyé une réponse invalide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="200" />
      <source>The service is temporarily unavailable</source>
      <translation>Le service est temporairement indisponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="78" />
      <source>Theia</source>
      <translation>Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/provider.py" line="28" />
      <source>Theia (Data Terra) — version {}</source>
      <translation>Theia (Data Terra) — version {}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="72" />
      <source>Theia plugin version {}</source>
      <translation>Extension Theia, version {}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="204" />
      <source>Try again later; if the problem persists, contact the service operator</source>
      <translation>Réessayez plus tard ; si le problème persiste, contactez l'exploitant du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/requests_transport.py" line="301" />
      <source>Try again; if it persists, check your connection or proxy</source>
      <translation>Réessayez ; si cela persiste, vérifiez votre connexion ou votre proxy</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="867" />
      <source>Try the download again</source>
      <translation>Relancez le téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="834" />
      <source>Unexpected HTTP {status} for a download</source>
      <translation>Réponse HTTP {status} inattendue pour un téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="271" />
      <source>Unlock the authentication database with its master password</source>
      <translation>Déverrouillez la base d'authentification avec son mot de passe principal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="281" />
      <source>Update QGIS or use another authentication configuration ({settings})</source>
      <translation>Mettez QGIS à jour ou utilisez une autre configuration d'authentification ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="192" />
      <source>Wait a moment and try again</source>
      <translation>Patientez un instant puis réessayez</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="191" />
      <source>Wait {seconds} s and try again</source>
      <translation>Patientez {seconds} s puis réessayez</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="298" />
      <source>an empty body</source>
      <translation>une réponse vide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="301" />
      <source>content of unknown type</source>
      <translation>un contenu de type inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="62" />
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="109" />
      <source>server said: “{message}”</source>
      <translation>message du serveur : « {message} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="97" />
      <source>{name} is not a Theia L2A product name (expected e.g. SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2).</source>
      <translation>{name} n'est pas un nom de produit Theia L2A (attendu par exemple SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="117" />
      <source>{path} does not exist.</source>
      <translation>{path} n'existe pas.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="138" />
      <source>{path} is neither a Theia L2A product folder nor a zip archive.</source>
      <translation>{path} n'est ni un dossier de produit Theia L2A ni une archive zip.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="129" />
      <source>{path} is not a readable zip archive (corrupt or truncated?): {error}</source>
      <translation>{path} n'est pas une archive zip lisible (corrompue ou tronquée ?) : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="153" />
      <source>{path}: no {id}_FRE_B*.tif band files found (is the product complete?).</source>
      <translation>{path} : aucun fichier de bande {id}_FRE_B*.tif trouvé (le produit est-il complet ?).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="64" />
      <source>{product}: band {band} is missing (available: {available}).</source>
      <translation>{product} : la bande {band} est absente (disponibles : {available}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="75" />
      <source>{product}: mask MASKS/{product}_{mask}.tif is missing.</source>
      <translation>{product} : le masque MASKS/{product}_{mask}.tif est absent.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="700" />
      <source>{reason}: retrying in {seconds} s</source>
      <translation>{reason} : nouvelle tentative dans {seconds} s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="810" />
      <source>{received} of {expected} bytes received</source>
      <translation>{received} octets reçus sur {expected}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="300" />
      <source>{type} starting with “{snippet}”</source>
      <translation>{type} commençant par « {snippet} »</translation>
    </message>
  </context>
</TS>
