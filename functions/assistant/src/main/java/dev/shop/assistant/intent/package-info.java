/** The in-process action model: sentence embeddings and nearest prototypes that tell what a clause asks for. */
package dev.shop.assistant.intent;
